/** An SLA policy as its form holds it: targets as hours and minutes, sent as business minutes. */
import type { Channel, Priority } from "../../../api/types";
import type { BreachAction, SlaPolicy, SlaPolicyInput } from "../../../api/typesSettingsSla";

export const TARGETS = [
  { field: "firstResponseMinutes", kind: "FIRST_RESPONSE" },
  { field: "nextResponseMinutes", kind: "NEXT_RESPONSE" },
  { field: "resolutionMinutes", kind: "RESOLUTION" },
] as const;
export type TargetField = (typeof TARGETS)[number]["field"];

/** A target as typed: whole hours and minutes, both empty for none. */
export interface TargetDraft {
  hours: string;
  minutes: string;
}

export interface PolicyDraft {
  name: string;
  calendar: string;
  isActive: boolean;
  priorities: Priority[];
  channels: Channel[];
  categories: string[];
  orderChannels: string;
  targets: Record<TargetField, TargetDraft>;
  warningPercent: string;
  breachActions: BreachAction[];
  notifyUser: string;
}

function targetDraft(minutes: number | null): TargetDraft {
  if (minutes === null) return { hours: "", minutes: "" };
  return { hours: String(Math.floor(minutes / 60)), minutes: String(minutes % 60) };
}

export function toDraft(policy: SlaPolicy): PolicyDraft {
  return {
    name: policy.name,
    calendar: policy.calendar.id,
    isActive: policy.isActive,
    priorities: [...policy.priorities],
    channels: [...policy.channels],
    categories: policy.categories.map((category) => category.slug),
    orderChannels: policy.orderChannels.join(", "),
    targets: {
      firstResponseMinutes: targetDraft(policy.firstResponseMinutes),
      nextResponseMinutes: targetDraft(policy.nextResponseMinutes),
      resolutionMinutes: targetDraft(policy.resolutionMinutes),
    },
    warningPercent: String(policy.warningPercent),
    breachActions: [...policy.breachActions],
    notifyUser: policy.notifyUser?.id ?? "",
  };
}

export function emptyDraft(calendar: string): PolicyDraft {
  return {
    name: "",
    calendar,
    isActive: true,
    priorities: [],
    channels: [],
    categories: [],
    orderChannels: "",
    targets: {
      firstResponseMinutes: { hours: "", minutes: "" },
      nextResponseMinutes: { hours: "", minutes: "" },
      resolutionMinutes: { hours: "", minutes: "" },
    },
    warningPercent: "75",
    breachActions: [],
    notifyUser: "",
  };
}

/** Business minutes of a target, null for none, or "invalid" when it is not whole hours and minutes. */
export function targetMinutes(target: TargetDraft): number | null | "invalid" {
  const hours = target.hours.trim();
  const minutes = target.minutes.trim();
  if (!hours && !minutes) return null;
  const whole = /^\d+$/;
  if ((hours && !whole.test(hours)) || (minutes && !whole.test(minutes))) return "invalid";
  const total = Number(hours || 0) * 60 + Number(minutes || 0);
  return total > 0 ? total : "invalid";
}

/** The API's input, or the fields the form cannot send as they are. */
export function toInput(draft: PolicyDraft): { input: SlaPolicyInput; invalid: string[] } {
  const invalid: string[] = [];
  const minutes = (field: TargetField) => {
    const value = targetMinutes(draft.targets[field]);
    if (value === "invalid") {
      invalid.push(field);
      return null;
    }
    return value;
  };
  const warning = draft.warningPercent.trim();
  if (!/^\d+$/.test(warning)) invalid.push("warningPercent");
  const input: SlaPolicyInput = {
    name: draft.name.trim(),
    calendar: draft.calendar,
    isActive: draft.isActive,
    priorities: draft.priorities,
    channels: draft.channels,
    categories: draft.categories,
    orderChannels: draft.orderChannels
      .split(",")
      .map((slug) => slug.trim())
      .filter(Boolean),
    firstResponseMinutes: minutes("firstResponseMinutes"),
    nextResponseMinutes: minutes("nextResponseMinutes"),
    resolutionMinutes: minutes("resolutionMinutes"),
    warningPercent: Number(warning),
    breachActions: draft.breachActions,
    notifyUser: draft.breachActions.includes("NOTIFY_LEAD") && draft.notifyUser ? draft.notifyUser : null,
  };
  return { input, invalid };
}
