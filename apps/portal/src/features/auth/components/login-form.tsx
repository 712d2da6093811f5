"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { loginRequestSchema, type LoginRequest } from "@portal/domain";
import { Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { LoginMfaStep } from "@/features/auth/components/login-mfa-step";
import { useLogin } from "@/features/auth/hooks/use-login";
import { PASSWORD_RESET_PATHS } from "@/features/password-reset/password-reset-paths";
import { isApiClientError } from "@/lib/api/api-client-error";
import { useErrorMessage } from "@/lib/errors/use-error-message";
import { useFieldError } from "@/lib/validation/use-field-error";

/** Catalog key (`login.*`) of the alert title for each error code a sign-in can fail with. */
const FAILURE_TITLES = {
  INVALID_CREDENTIALS: "invalidCredentialsTitle",
  ACCOUNT_LOCKED: "lockedTitle",
  RATE_LIMITED: "rateLimitedTitle",
  VALIDATION_FAILED: "validationTitle",
} as const;

/**
 * Title and text of the alert shown for a failed sign-in, by error code (docs/api.md), in the
 * page's language; anything else (server unreachable, upstream failure) reads "unavailable".
 */
function useLoginFailure(
  error: unknown,
): { title: string; description: string; offerReset: boolean } | null {
  const t = useTranslations("login");
  const message = useErrorMessage();
  if (!error) return null;
  if (isApiClientError(error) && error.code in FAILURE_TITLES) {
    const title = FAILURE_TITLES[error.code as keyof typeof FAILURE_TITLES];
    return {
      title: t(title),
      description: message.forError(error),
      // A reset ends the lockout at once (decision 0041).
      offerReset: error.code === "ACCOUNT_LOCKED",
    };
  }
  return { title: t("unavailableTitle"), description: t("unavailableText"), offerReset: false };
}

/**
 * Email and password sign-in. Validates with the domain's `loginRequestSchema`, shows server
 * errors in an alert above the fields, and on success goes to `next` (already checked to be a
 * path on this site). When the account has two-factor authentication on, the password step
 * answers a challenge and the form becomes the code step ({@link LoginMfaStep}). A lockout offers
 * the password reset; after a reset (`passwordReset`) the form says the new password is set.

 */
export function LoginForm({
  next,
  sessionExpired,
  passwordReset,
}: {
  next: string;
  sessionExpired: boolean;
  passwordReset: boolean;
}) {
  const router = useRouter();
  const login = useLogin();
  const t = useTranslations("login");
  const fieldError = useFieldError("login");
  const form = useForm<LoginRequest>({
    resolver: zodResolver(loginRequestSchema),
    defaultValues: { email: "", password: "" },
  });
  const { errors } = form.formState;
  const [challengeId, setChallengeId] = useState<string | null>(null);
  const busy = login.isPending || (login.isSuccess && challengeId === null);

  // After a failed attempt, put the customer back in the password field (the fieldset was
  // disabled during the request, which dropped focus); the alert itself is announced.
  useEffect(() => {
    if (login.error) form.setFocus("password", { shouldSelect: true });
  }, [login.error, form]);

  const onSubmit = form.handleSubmit((values) => {
    login.mutate(values, {
      onSuccess: (outcome) => {
        if ("mfaRequired" in outcome) setChallengeId(outcome.challengeId);
        else router.replace(next);
      },
    });
  });

  const failure = useLoginFailure(login.isError ? login.error : null);

  if (challengeId) {
    return (
      <LoginMfaStep
        challengeId={challengeId}
        next={next}
        onRestart={() => {
          setChallengeId(null);
          login.reset();
          form.resetField("password");
        }}
      />
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={busy}>
      <fieldset disabled={busy} className="flex flex-col gap-5">
        <legend className="sr-only">{t("legend")}</legend>
        {sessionExpired && !failure ? (
          <Alert tone="info">
            <AlertDescription>{t("sessionEnded")}</AlertDescription>
          </Alert>
        ) : null}
        {passwordReset && !failure ? (
          <Alert tone="success">
            <AlertDescription>{t("passwordReset")}</AlertDescription>
          </Alert>
        ) : null}
        {failure ? (
          <Alert tone="destructive">
            <AlertTitle>{failure.title}</AlertTitle>
            <AlertDescription>
              {failure.description}
              {failure.offerReset ? (
                <>
                  {" "}
                  <Link
                    href={PASSWORD_RESET_PATHS.forgot}
                    className="font-semibold underline underline-offset-4"
                  >
                    {t("lockedReset")}
                  </Link>
                </>
              ) : null}
            </AlertDescription>
          </Alert>
        ) : null}
        <FormField label={t("email")} error={fieldError("email", errors.email)}>
          <Input
            type="email"
            autoComplete="email"
            inputMode="email"
            spellCheck={false}
            {...form.register("email")}
          />
        </FormField>
        <FormField label={t("password")} error={fieldError("password", errors.password)}>
          <Input type="password" autoComplete="current-password" {...form.register("password")} />
        </FormField>
        <Button type="submit" size="lg" className="w-full">
          {busy ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
          {t("submit")}
        </Button>
      </fieldset>
    </form>
  );
}
