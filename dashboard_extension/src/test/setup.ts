import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// findBy/waitFor wait up to 10 s: the machine may be busy with other test runs.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => cleanup());
