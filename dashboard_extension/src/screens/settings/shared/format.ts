/** How the settings screens write names, lists and conditions, and read lists back. */
import type { User } from "../../../api/types";
import type { StaffUser } from "../../../api/typesSettingsTeams";
import type { Translate } from "../../../i18n";

/** The values of a comma-separated list as written: trimmed, without empty ones or repeats. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(",").map((value) => value.trim()).filter(Boolean))];
}

export function joinList(values: readonly string[]): string {
  return values.join(", ");
}

/** A slug proposed from a name: lower-case ASCII letters and digits joined by single dashes. */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}

/** "First Last" of a staff member, or their e-mail address when they have no name. */
export function staffName(user: StaffUser | null, gone: string): string {
  if (!user) return gone;
  return `${user.firstName} ${user.lastName}`.trim() || user.email;
}

/** "First Last (e-mail)" of a staff member to pick, or the address alone when they have no name. */
export function personName(user: Pick<User, "email" | "firstName" | "lastName">): string {
  const name = `${user.firstName ?? ""} ${user.lastName ?? ""}`.trim();
  return name ? `${name} (${user.email})` : user.email;
}

/** A name as a list shows it: "Returns (inactive)" for something switched off. */
export function activeName(t: Translate, item: { name: string; isActive: boolean }): string {
  return item.isActive ? item.name : t("settings.common.inactiveNamed", { name: item.name });
}

/** Categories to pick: the active ones and those already picked, inactive ones said so. */
export function categoryOptions(
  t: Translate,
  categories: readonly { slug: string; name: string; isActive: boolean }[],
  picked: (slug: string) => boolean,
): { value: string; label: string }[] {
  return categories
    .filter((category) => category.isActive || picked(category.slug))
    .map((category) => ({ value: category.slug, label: activeName(t, category) }));
}

/** Conditions in a line: "Category: Payment; Channel: E-mail", or `any` when none is set. */
export function conditionsLine(conditions: readonly [label: string, values: readonly string[]][], any: string): string {
  const parts = conditions.filter(([, values]) => values.length).map(([label, values]) => `${label}: ${values.join(", ")}`);
  return parts.length ? parts.join("; ") : any;
}
