/** Templates (macros): texts per language, field changes, shared or personal. */
import { Button } from "@saleor/macaw-ui";

import { MACRO_LIST } from "../../api/operationsSettingsSla";
import { nodes, type Connection } from "../../api/types";
import type { MacroDetail, MacroRow } from "../../api/typesSettingsSla";
import { useI18n } from "../../i18n";
import { useSession } from "../../session";
import { MacroEditor } from "./macros/MacroEditor";
import { Notice, RowActions, ScreenToolbar, SettingsTable, upsert, useListEditing, without } from "./shared/list";
import { ActionFailed, Pending, useAction, useSettingsResource } from "./shared/resource";

type Page = { supportMacros: Connection<MacroRow> };

function rowOf(macro: MacroDetail): MacroRow {
  const { id, name, group, visibility, isActive, usageCount, lastUsedAt } = macro;
  return { id, name, group, visibility, isActive, usageCount, lastUsedAt };
}

export function MacrosSettings() {
  const { request } = useSession();
  const { t, number } = useI18n();
  const { data, setData, error, reload } = useSettingsResource<Page>(MACRO_LIST, { after: null });
  const { editing, notice, open, close, done } = useListEditing<string>();
  const more = useAction();

  if (!data) {
    return <Pending error={error} onRetry={reload} />;
  }
  const macros = nodes(data.supportMacros);
  const pageInfo = data.supportMacros.pageInfo;
  const setRows = (rows: MacroRow[]) =>
    setData({ supportMacros: { ...data.supportMacros, edges: rows.map((node) => ({ node })) } });

  const loadMore = () =>
    more.run(async () => {
      const next = await request<Page>(MACRO_LIST, { after: pageInfo.endCursor });
      setData(
        (current) =>
          current && {
            supportMacros: {
              edges: [...current.supportMacros.edges, ...next.supportMacros.edges],
              pageInfo: next.supportMacros.pageInfo,
            },
          },
      );
    });

  if (editing) {
    return (
      <MacroEditor
        key={editing}
        macroId={editing === "new" ? null : editing}
        onCancel={close}
        onSaved={(saved) => {
          setRows(upsert(macros, rowOf(saved)));
          done(t("settings.macros.saved"));
        }}
        onDeleted={(id) => {
          setRows(without(macros, id));
          done(t("settings.macros.deleted"));
        }}
      />
    );
  }

  return (
    <div className="desk-cfg-screen">
      <ScreenToolbar intro={t("settings.macros.intro")} addLabel={t("settings.macros.add")} onAdd={() => open("new")} />
      <Notice text={notice} />
      <SettingsTable
        label={t("settings.section.macros")}
        columns={[
          t("settings.macros.title"),
          t("settings.macros.visibility"),
          t("settings.common.active"),
          { label: t("settings.macros.usage"), numeric: true },
        ]}
        empty={macros.length === 0 ? t("settings.macros.empty") : null}
      >
        {macros.map((macro) => (
          <tr key={macro.id} data-macro={macro.name}>
            <td>
              {macro.name}
              {macro.group ? <span className="desk-meta">{macro.group}</span> : null}
            </td>
            <td>
              <span className="desk-badge">
                {macro.visibility === "SHARED" ? t("settings.macros.visibility.SHARED") : t("settings.macros.visibility.PERSONAL")}
              </span>
            </td>
            <td>{macro.isActive ? t("settings.common.yes") : t("settings.common.no")}</td>
            <td className="desk-cfg-number">{number(macro.usageCount)}</td>
            <RowActions name={macro.name} onEdit={() => open(macro.id)} />
          </tr>
        ))}
      </SettingsTable>
      <ActionFailed failure={more.failure} />
      {pageInfo.hasNextPage ? (
        <div className="desk-list-footer">
          <Button variant="secondary" size="small" disabled={more.busy} onClick={() => void loadMore()}>
            {t("inbox.loadMore")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
