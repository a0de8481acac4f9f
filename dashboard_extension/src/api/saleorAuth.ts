/**
 * Sign-in against Saleor itself, for the workspace opened in its own tab inside Saleor (outside
 * the Dashboard's iframe): `tokenCreate` gives a short access token and a refresh token,
 * `tokenRefresh` a new access token.
 */
import { ApiError } from "./client";

interface SaleorAnswer<T> {
  data?: T | null;
  errors?: { message: string }[];
}

async function post<T>(apiUrl: string, query: string, variables: Record<string, unknown>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError("network", "Saleor could not be reached.");
  }
  if (response.status >= 500) {
    throw new ApiError("server", `Saleor answered ${response.status}.`);
  }
  const body = (await response.json().catch(() => ({}))) as SaleorAnswer<T>;
  if (!body.data) {
    throw new ApiError("unauthenticated", body.errors?.[0]?.message ?? "Sign-in refused.");
  }
  return body.data;
}

export interface SaleorTokens {
  token: string;
  refreshToken: string;
}

export async function saleorSignIn(apiUrl: string, email: string, password: string): Promise<SaleorTokens> {
  const data = await post<{
    tokenCreate: { token: string | null; refreshToken: string | null; errors: { message: string }[] };
  }>(
    apiUrl,
    `mutation DeskSignIn($email: String!, $password: String!) {
      tokenCreate(email: $email, password: $password) { token refreshToken errors { message } }
    }`,
    { email, password },
  );
  const { token, refreshToken, errors } = data.tokenCreate;
  if (!token || !refreshToken) {
    throw new ApiError("unauthenticated", errors[0]?.message ?? "Sign-in refused.");
  }
  return { token, refreshToken };
}

/** A new access token, or null when the refresh token is no longer good. */
export async function saleorRefresh(apiUrl: string, refreshToken: string): Promise<string | null> {
  try {
    const data = await post<{ tokenRefresh: { token: string | null } }>(
      apiUrl,
      `mutation DeskRefresh($refreshToken: String!) { tokenRefresh(refreshToken: $refreshToken) { token } }`,
      { refreshToken },
    );
    return data.tokenRefresh.token;
  } catch (error) {
    if (error instanceof ApiError && error.kind === "unauthenticated") return null;
    throw error;
  }
}
