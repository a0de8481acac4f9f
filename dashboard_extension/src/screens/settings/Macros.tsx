/** Templates (macros): texts per language, field changes, shared or personal. */
import { Button, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { MACRO_LIST } from "../../api/operationsSettingsSla";
import { nodes, type Connection } from "../../api/types";
import type { MacroDetail, MacroRow } from "../../api/typesSettingsSla";
import { useI18n } from "../../i18n";
import { useSession } from "../../session";
import { MacroEditor } from "./macros/MacroEditor";
import { Failure, Pending, useQuery } from "./sla/parts";

type Page = { supportMacros: Connection<MacroRow> };

function rowOf(macro: MacroDetail): MacroRow {
  const { id, name, group, visibility, isActive, usageCount, lastUsedAt } = macro;
  return { id, name, group, visibility, isActive, usageCount, lastUsedAt };
}

export function MacrosSettings() {
  const { request } = useSession();
  const { t, number } = useI18n();
  const { data, setData, error, reload } = useQuery<Page>(MACRO_LIST, { after: null });
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [more, setMore] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });

  if (!data) {
    return <Pending error={error} onRetry={reload} />;
  }
  const macros = nodes(data.supportMacros);
  const pageInfo = data.supportMacros.pageInfo;
  const setRows = (rows: MacroRow[]) =>
    setData({ supportMacros: { ...data.supportMacros, edges: rows.map((node) => ({ node })) } });

  const loadMore = async () => {
    setMore({ busy: true, error: null });
    try {
      const next = await request<Page>(MACRO_LIST, { after: pageInfo.endCursor });
      setData({
        supportMacros: {
          edges: [...data.supportMacros.edges, ...next.supportMacros.edges],
          pageInfo: next.supportMacros.pageInfo,
        },
      });
      setMore({ busy: false, error: null });
    } catch (caught) {
      setMore({ busy: false, error: caught });
    }
  };

  if (editing) {
    return (
      <MacroEditor
        key={editing}
        macroId={editing === "new" ? null : editing}
        onCancel={() => setEditing(null)}
        onSaved={(saved) => {
          const row = rowOf(saved);
          const known = macros.some((macro) => macro.id === saved.id);
          setRows(known ? macros.map((macro) => (macro.id === saved.id ? row : macro)) : [...macros, row]);
          setEditing(null);
          setNotice(t("settings.macros.saved"));
        }}
        onDeleted={(id) => {
          setRows(macros.filter((macro) => macro.id !== id));
          setEditing(null);
          setNotice(t("settings.macros.deleted"));
        }}
      />
    );
  }

  return (
    <div className="desk-cfg-screen">
      <div className="desk-cfg-toolbar">
        <Text as="p" className="desk-muted">
          {t("settings.macros.intro")}
        </Text>
        <Button
          variant="primary"
          size="small"
          onClick={() => {
            setNotice(null);
            setEditing("new");
          }}
        >
          {t("settings.macros.add")}
        </Button>
      </div>
      {notice ? (
        <Text as="p" className="desk-notice" role="status">
          {notice}
        </Text>
      ) : null}
      {macros.length === 0 ? (
        <Text as="p" className="desk-empty">
          {t("settings.macros.empty")}
        </Text>
      ) : (
        <table className="desk-table desk-cfg-table" aria-label={t("settings.section.macros")}>
          <thead>
            <tr>
              <th scope="col">{t("settings.macros.title")}</th>
              <th scope="col">{t("settings.macros.visibility")}</th>
              <th scope="col">{t("settings.common.active")}</th>
              <th scope="col" className="desk-cfg-number">
                {t("settings.macros.usage")}
              </th>
              <th scope="col">
                <span className="desk-visually-hidden">{t("settings.common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
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
                <td className="desk-cfg-cell-actions">
                  <Button
                    variant="secondary"
                    size="small"
                    aria-label={t("settings.common.editNamed", { name: macro.name })}
                    onClick={() => {
                      setNotice(null);
                      setEditing(macro.id);
                    }}
                  >
                    {t("settings.common.edit")}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more.error ? <Failure error={more.error} onRetry={() => void loadMore()} /> : null}
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
