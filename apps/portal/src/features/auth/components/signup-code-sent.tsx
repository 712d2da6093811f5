"use client";

import { type SignupStartResponse } from "@portal/domain";
import { MailCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { useStartSignup } from "@/features/auth/hooks/use-start-signup";
import { isApiClientError } from "@/lib/api/api-client-error";
import { useErrorMessage } from "@/lib/errors/use-error-message";

/** Whole seconds from now until `until` (epoch ms), 0 once it passed. */
function secondsUntil(until: number): number {
  return Math.max(0, Math.ceil((until - Date.now()) / 1000));
}

/** {@link secondsUntil} `until`, counted down once a second. */
function useSecondsLeft(until: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
      if (secondsUntil(until) === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/**
 * "We sent a code to …": the address the code went to, how long it lives, a button that sends a
 * new one once the cooldown the BFF named (`resendAfterSeconds`, or `Retry-After` of a 429) has
 * passed, and a way back to change the address. The outcome of a resend is announced politely.
 */
export function SignupCodeSent({
  email,
  sent,
  onChangeEmail,
}: {
  email: string;
  sent: SignupStartResponse;
  onChangeEmail: () => void;
}) {
  const t = useTranslations("signup");
  const message = useErrorMessage();
  const resend = useStartSignup();
  const [resendAt, setResendAt] = useState(() => Date.now() + sent.resendAfterSeconds * 1000);
  const secondsLeft = useSecondsLeft(resendAt);
  const error = resend.isError ? resend.error : null;

  const onResend = () => {
    resend.mutate(
      { email },
      {
        onSuccess: (again) => setResendAt(Date.now() + again.resendAfterSeconds * 1000),
        onError: (failure) => {
          if (isApiClientError(failure) && failure.retryAfterSeconds) {
            setResendAt(Date.now() + failure.retryAfterSeconds * 1000);
          }
        },
      },
    );
  };

  return (
    <section
      aria-labelledby="signup-code-sent-heading"
      className="flex flex-col gap-3 rounded-md border border-border bg-muted/40 p-4"
    >
      <h2 id="signup-code-sent-heading" className="flex items-center gap-2 text-base font-semibold">
        <MailCheck aria-hidden="true" className="size-5 text-primary" />
        {t("codeSentTitle")}
      </h2>
      <p className="text-sm">
        {t.rich("codeSentText", {
          email,
          minutes: sent.validMinutes,
          strong: (chunks) => <strong className="break-all">{chunks}</strong>,
        })}
      </p>
      <p aria-live="polite" className="text-sm text-muted-foreground">
        {resend.isSuccess ? t("codeResent") : null}
        {error ? message.forError(error) : null}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="outline"
          disabled={secondsLeft > 0 || resend.isPending}
          onClick={onResend}
        >
          {secondsLeft > 0 ? t("resendIn", { seconds: secondsLeft }) : t("resend")}
        </Button>
        <Button type="button" variant="ghost" onClick={onChangeEmail}>
          {t("changeEmail")}
        </Button>
      </div>
    </section>
  );
}
