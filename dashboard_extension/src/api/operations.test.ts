// @vitest-environment node
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";

import * as operations from "./operations";

// The contract: graphql/schema.graphql, exported from the server and checked for drift there.
const schema = buildSchema(readFileSync(resolve(process.cwd(), "../graphql/schema.graphql"), "utf8"));

describe("operations", () => {
  it.each(Object.entries(operations))("%s is valid against graphql/schema.graphql", (_name, document) => {
    expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([]);
  });
});
