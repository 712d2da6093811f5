"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  errorStatus,
  signupStartRequestSchema,
  type SignupStartRequest,
  type SignupStartResponse,
} from "@portal/domain";
import { Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useStartSignup } from "@/features/auth/hooks/use-start-signup";
import { isApiClientError } from "@/lib/api/api-client-error";
import { useErrorMessage } from "@/lib/errors/use-error-message";
import { useFieldError } from "@/lib/validation/use-field-error";

/**
 * The first step of sign-up: the e-mail address, to which the BFF mails a 6-digit code
 * (`POST /api/auth/signup/start`, decision 0037). Validates with the domain's
 * `signupStartRequestSchema`; a refusal (too many codes, an outage) shows in an alert in the
 * page's language. `onSent` receives the normalised address and the BFF's answer.
 */
export function SignupEmailStep({
  defaultEmail = "",
  onSent,
}: {
  defaultEmail?: string;
  onSent: (email: string, sent: SignupStartResponse) => void;
}) {
  const t = useTranslations("signup");
  const fieldError = useFieldError("signup");
  const message = useErrorMessage();
  const start = useStartSignup();
  const form = useForm<SignupStartRequest>({
    resolver: zodResolver(signupStartRequestSchema),
    defaultValues: { email: defaultEmail },
  });
  const busy = start.isPending;
  const error = start.isError ? start.error : null;

  const onSubmit = form.handleSubmit((values) => {
    start.mutate(values, { onSuccess: (sent) => onSent(values.email, sent) });
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={busy}>
      <fieldset disabled={busy} className="flex flex-col gap-5">
        <legend className="sr-only">{t("emailStepLegend")}</legend>
        <p className="text-sm text-muted-foreground">{t("emailStepLead")}</p>
        {error ? (
          <Alert tone="destructive">
            <AlertTitle>{t("sendFailedTitle")}</AlertTitle>
            <AlertDescription>
              {isApiClientError(error) && errorStatus[error.code] < 500
                ? message.forError(error)
                : t("unavailableText")}
            </AlertDescription>
          </Alert>
        ) : null}
        <FormField
          label={t("email")}
          description={t("emailHint")}
          error={fieldError("email", form.formState.errors.email)}
        >
          <Input
            type="email"
            autoComplete="email"
            inputMode="email"
            spellCheck={false}
            {...form.register("email")}
          />
        </FormField>
        <Button type="submit" size="lg" className="w-full">
          {busy ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
          {t("sendCode")}
        </Button>
      </fieldset>
    </form>
  );
}
