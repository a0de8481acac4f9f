// @vitest-environment node
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";

// Every operations*.ts module: the workspace's own and each feature's.
const modules = import.meta.glob<Record<string, unknown>>(["./operations*.ts", "!./*.test.ts"], { eager: true });
const operations = Object.fromEntries(
  Object.entries(modules).flatMap(([file, exports]) =>
    Object.entries(exports).map(([name, document]) => [`${file.slice(2, -3)}.${name}`, document]),
  ),
);

// The contract: graphql/schema.graphql, exported from the server and checked for drift there.
const schema = buildSchema(readFileSync(resolve(process.cwd(), "../graphql/schema.graphql"), "utf8"));

describe("operations", () => {
  it("reads the feature files too", () => {
    expect(Object.keys(operations)).toContain("operationsTicketActions.TICKET_ESCALATE");
  });

  it.each(Object.entries(operations))("%s is valid against graphql/schema.graphql", (_name, document) => {
    expect(validate(schema, parse(String(document))).map((error) => error.message)).toEqual([]);
  });
});
