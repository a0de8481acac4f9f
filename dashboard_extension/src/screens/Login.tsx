import { Button, Input, Text } from "@saleor/macaw-ui";
import { useState, type FormEvent } from "react";

import { ApiError } from "../api/client";
import { useErrorText } from "../components/common";
import { useI18n } from "../i18n";
import { useSession } from "../session";

export function Login() {
  const { signIn, config } = useSession();
  const withSaleor = !config.loginUrl && config.saleorApiUrl !== null;
  const { t } = useI18n();
  const errorText = useErrorText();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.kind === "unauthenticated" ? t("login.failed") : errorText(caught),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="desk-login" onSubmit={submit} aria-labelledby="desk-login-title">
      <Text as="h1" size={8} fontWeight="bold" id="desk-login-title">
        {t("login.title")}
      </Text>
      <Input
        role="textbox"
        label={withSaleor ? t("login.email") : t("login.username")}
        name="username"
        type={withSaleor ? "email" : "text"}
        autoComplete={withSaleor ? "email" : "username"}
        value={username}
        required
        onChange={(event) => setUsername(event.target.value)}
      />
      <Input
        // macaw's Input would say role="input", which is not a role; a password field has none.
        role={undefined}
        label={t("login.password")}
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        required
        onChange={(event) => setPassword(event.target.value)}
      />
      {error ? (
        <Text as="p" className="desk-field-error" role="alert">
          {error}
        </Text>
      ) : null}
      <Button type="submit" variant="primary" disabled={busy}>
        {t("login.submit")}
      </Button>
    </form>
  );
}
