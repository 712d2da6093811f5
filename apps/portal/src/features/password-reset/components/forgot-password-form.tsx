"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { passwordForgotRequestSchema, type PasswordForgotRequest } from "@portal/domain";
import { Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useRequestPasswordReset } from "@/features/password-reset/hooks/use-request-password-reset";
import { isApiClientError } from "@/lib/api/api-client-error";
import { useErrorMessage } from "@/lib/errors/use-error-message";
import { useFieldError } from "@/lib/validation/use-field-error";

/**
 * The address to send a reset link to. The answer never says whether an account has it: after
 * sending, the form is replaced by "if an account uses this address, a link is on its way".
 */
export function ForgotPasswordForm() {
  const t = useTranslations("passwordReset");
  const message = useErrorMessage();
  const fieldError = useFieldError("forgotPassword");
  const request = useRequestPasswordReset();
  const form = useForm<PasswordForgotRequest>({
    resolver: zodResolver(passwordForgotRequestSchema),
    defaultValues: { email: "" },
  });
  const { errors } = form.formState;

  if (request.isSuccess) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success">
          <AlertTitle>{t("sentTitle")}</AlertTitle>
          <AlertDescription>{t("sent", { email: request.variables.email })}</AlertDescription>
        </Alert>
        <Button type="button" variant="outline" onClick={() => request.reset()}>
          {t("sendAgain")}
        </Button>
      </div>
    );
  }

  const error = request.isError ? request.error : null;
  return (
    <form
      onSubmit={form.handleSubmit((values) => request.mutate(values))}
      noValidate
      aria-busy={request.isPending}
    >
      <fieldset disabled={request.isPending} className="flex flex-col gap-5">
        <legend className="sr-only">{t("forgotLegend")}</legend>
        {error ? (
          <Alert tone="destructive">
            <AlertTitle>{t("failedTitle")}</AlertTitle>
            <AlertDescription>
              {isApiClientError(error) ? message.forError(error) : t("unavailableText")}
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
        <Button type="submit" size="lg" className="w-full">
          {request.isPending ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
          {t("send")}
        </Button>
      </fieldset>
    </form>
  );
}
