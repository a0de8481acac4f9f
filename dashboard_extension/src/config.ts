/** What the server tells the page about where it runs (JSON in index.html). */
export interface DeskConfig {
  /** The desk's GraphQL endpoint, absolute. */
  apiUrl: string;
  /** Path of the app's root, ending in "/" (e.g. "/app/" or "/plugins/global/<id>/app/"). */
  basePath: string;
  /** Sandbox sign-in endpoint (username/password to bearer token); null inside Saleor. */
  loginUrl: string | null;
  /** Saleor's own API inside Saleor, for signing in with `tokenCreate` in a tab of its own. */
  saleorApiUrl: string | null;
  /** Version of the desk, shown in the footer. */
  version: string;
}

const FALLBACK: DeskConfig = {
  apiUrl: "/graphql/",
  basePath: "/app/",
  loginUrl: "/auth/token/",
  saleorApiUrl: null,
  version: "dev",
};

export function readConfig(doc: Document = document): DeskConfig {
  const node = doc.getElementById("desk-config");
  if (!node?.textContent) {
    return FALLBACK;
  }
  try {
    const parsed = JSON.parse(node.textContent) as Partial<DeskConfig>;
    return { ...FALLBACK, ...parsed };
  } catch {
    return FALLBACK;
  }
}
