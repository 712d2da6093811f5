"use client";

import { Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useLoginMfa } from "@/features/auth/hooks/use-login";
import { isApiClientError } from "@/lib/api/api-client-error";
import { useErrorMessage } from "@/lib/errors/use-error-message";

/**
 * The second step of a sign-in with two-factor authentication (decision 0033): the 6-digit code
 * from the authenticator app (full-width digits are accepted; the BFF normalises them) or, after
 * "use a recovery code", one of the recovery codes. An expired challenge sends the customer back
 * to the password step (`onRestart`).
 */
export function LoginMfaStep({
  challengeId,
  next,
  onRestart,
}: {
  challengeId: string;
  next: string;
  onRestart: () => void;
}) {
  const t = useTranslations("mfaLogin");
  const message = useErrorMessage();
  const router = useRouter();
  const loginMfa = useLoginMfa();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState("");
  const busy = loginMfa.isPending || loginMfa.isSuccess;
  const error = loginMfa.isError ? loginMfa.error : null;
  const expired = isApiClientError(error) && error.code === "MFA_CHALLENGE_EXPIRED";

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    loginMfa.mutate({ challengeId, code }, { onSuccess: () => router.replace(next) });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={busy}>
      <fieldset disabled={busy} className="flex flex-col gap-5">
        <legend className="text-lg font-semibold">{t("title")}</legend>
        {error ? (
          <Alert tone="destructive">
            <AlertDescription>{message.forError(error)}</AlertDescription>
          </Alert>
        ) : null}
        {expired ? (
          <Button type="button" variant="outline" onClick={onRestart}>
            {t("restart")}
          </Button>
        ) : (
          <>
            <FormField
              label={recovery ? t("recoveryLabel") : t("codeLabel")}
              description={recovery ? t("recoveryHint") : t("codeHint")}
            >
              <Input
                key={recovery ? "recovery" : "totp"}
                name="code"
                value={code}
                onChange={(event) => setCode(event.target.value)}
                autoComplete={recovery ? "off" : "one-time-code"}
                inputMode={recovery ? "text" : "numeric"}
                autoCapitalize="off"
                spellCheck={false}
                autoFocus
              />
            </FormField>
            <Button type="submit" size="lg" className="w-full">
              {busy ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
              {t("submit")}
            </Button>
            <Button
              type="button"
              variant="ghost"
              className="min-h-11"
              onClick={() => {
                setRecovery((value) => !value);
                setCode("");
                loginMfa.reset();
              }}
            >
              {recovery ? t("useApp") : t("useRecovery")}
            </Button>
          </>
        )}
      </fieldset>
    </form>
  );
}
