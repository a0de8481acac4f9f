import { describe, expect, it } from "vitest";

import { detail } from "../test/fixtures";
import { differences, normaliseTag, textToHtml } from "./ticketModel";

describe("ticket model", () => {
  it("turns plain text into the escaped HTML the API keeps", () => {
    expect(textToHtml("Hello <b>\n\nline one\nline two & more")).toBe(
      "<p>Hello &lt;b&gt;</p><p>line one<br>line two &amp; more</p>",
    );
  });

  it("lists what another agent changed", () => {
    const after = detail({ status: "PENDING", tags: ["late", "vip"], assignee: { id: "2", email: "b@example.com" } });
    expect(differences(detail(), after)).toEqual([
      { field: "status", before: "OPEN", after: "PENDING" },
      { field: "tags", before: "late", after: "late, vip" },
      { field: "assignee", before: "", after: "b@example.com" },
    ]);
  });

  it("writes tags as the API does", () => {
    expect(normaliseTag("  Late Parcel ")).toBe("late-parcel");
  });
});
