/** A small GraphQL client: one POST per operation, bearer token, errors sorted by kind. */

export type ApiErrorKind = "network" | "unauthenticated" | "forbidden" | "server" | "graphql";

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly code: string | null;

  constructor(kind: ApiErrorKind, message: string, code: string | null = null) {
    super(message);
    this.name = "ApiError";
    this.kind = kind;
    this.code = code;
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { exception?: { code?: string } } }[];
}

export type Request = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export function createClient(apiUrl: string, getToken: () => string | null): Request {
  return async function request<T>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    const token = getToken();
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    let response: Response;
    try {
      response = await fetch(apiUrl, {
        method: "POST",
        headers,
        body: JSON.stringify({ query, variables }),
        credentials: "same-origin",
      });
    } catch {
      throw new ApiError("network", "The desk could not be reached.");
    }
    let body: GraphQLResponse<T> | null;
    try {
      body = (await response.json()) as GraphQLResponse<T>;
    } catch {
      body = null;
    }
    const first = body?.errors?.[0];
    const code = first?.extensions?.exception?.code ?? null;
    if (response.status === 401) {
      throw new ApiError("unauthenticated", first?.message ?? "Sign in again.", code);
    }
    if (response.status >= 500 || body === null) {
      throw new ApiError("server", `The desk answered ${response.status}.`, code);
    }
    if (first && code === "PERMISSION_DENIED") {
      throw new ApiError("forbidden", first.message, code);
    }
    if (first && (body.data === null || body.data === undefined)) {
      throw new ApiError("graphql", first.message, code);
    }
    if (body.data === null || body.data === undefined) {
      throw new ApiError("server", "The desk sent no data.");
    }
    return body.data;
  };
}
