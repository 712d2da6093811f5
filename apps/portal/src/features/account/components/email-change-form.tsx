"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  emailChangeConfirmRequestSchema,
  emailChangeRequestSchema,
  errorStatus,
  type EmailChangeConfirmRequest,
  type EmailChangeRequest,
} from "@portal/domain";
import { Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { type z } from "zod";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import {
  useConfirmEmailChange,
  useStartEmailChange,
} from "@/features/account/hooks/use-email-change";
import { isApiClientError } from "@/lib/api/api-client-error";
import { useErrorMessage } from "@/lib/errors/use-error-message";
import { serverErrorType, useFieldError } from "@/lib/validation/use-field-error";

/** The alert text for a failure no field shows: the code's message, or "nothing changed" for 5xx. */
function useRootMessage() {
  const t = useTranslations("accountPage.emailChange");
  const message = useErrorMessage();
  return (error: unknown): string =>
    isApiClientError(error) && errorStatus[error.code] < 500
      ? message.forError(error)
      : t("failed");
}

/**
 * The verified e-mail change of `/account` (decision 0042): first the new address and the
 * current password (a code goes to the new address), then the code. `onDone(email)` after the
 * change, `onDone(null)` when cancelled.
 */
export function EmailChangeForm({ onDone }: { onDone: (newEmail: string | null) => void }) {
  const start = useStartEmailChange();
  if (start.isSuccess) {
    return (
      <EmailChangeCodeStep
        newEmail={start.data.newEmail}
        onRestart={() => start.reset()}
        onDone={onDone}
      />
    );
  }
  return <EmailChangeAddressStep start={start} onCancel={() => onDone(null)} />;
}

function EmailChangeAddressStep({
  start,
  onCancel,
}: {
  start: ReturnType<typeof useStartEmailChange>;
  onCancel: () => void;
}) {
  const t = useTranslations("accountPage.emailChange");
  const fieldError = useFieldError("emailChange");
  const rootMessage = useRootMessage();
  const form = useForm<z.input<typeof emailChangeRequestSchema>, unknown, EmailChangeRequest>({
    resolver: zodResolver(emailChangeRequestSchema),
    defaultValues: { newEmail: "", currentPassword: "" },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    form.clearErrors("root");
    start.mutate(values, {
      onError: (error) => {
        const fields = isApiClientError(error) ? error.fields : {};
        if (isApiClientError(error) && fields.currentPassword) {
          form.setError("currentPassword", { type: serverErrorType("PASSWORD_INCORRECT") });
        } else if (isApiClientError(error) && fields.newEmail) {
          form.setError("newEmail", { type: serverErrorType("VALIDATION_FAILED") });
        } else {
          form.setError("root.server", { type: "server" });
        }
      },
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={start.isPending}>
      <fieldset disabled={start.isPending} className="flex flex-col gap-4">
        <legend className="sr-only">{t("legend")}</legend>
        {errors.root?.server ? (
          <Alert tone="destructive">
            <AlertDescription>{rootMessage(start.error)}</AlertDescription>
          </Alert>
        ) : null}
        <FormField label={t("newEmail")} error={fieldError("newEmail", errors.newEmail)}>
          <Input
            type="email"
            autoComplete="email"
            inputMode="email"
            spellCheck={false}
            {...form.register("newEmail")}
          />
        </FormField>
        <FormField
          label={t("currentPassword")}
          error={fieldError("currentPassword", errors.currentPassword)}
        >
          <Input
            type="password"
            autoComplete="current-password"
            {...form.register("currentPassword")}
          />
        </FormField>
        <div className="flex flex-wrap gap-3">
          <Button type="submit">
            {start.isPending ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
            {t("send")}
          </Button>
          <Button type="button" variant="ghost" onClick={onCancel}>
            {t("cancel")}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}

function EmailChangeCodeStep({
  newEmail,
  onRestart,
  onDone,
}: {
  newEmail: string;
  onRestart: () => void;
  onDone: (newEmail: string | null) => void;
}) {
  const t = useTranslations("accountPage.emailChange");
  const fieldError = useFieldError("emailChange");
  const rootMessage = useRootMessage();
  const confirm = useConfirmEmailChange();
  const form = useForm<
    z.input<typeof emailChangeConfirmRequestSchema>,
    unknown,
    EmailChangeConfirmRequest
  >({
    resolver: zodResolver(emailChangeConfirmRequestSchema),
    defaultValues: { code: "" },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    form.clearErrors("root");
    confirm.mutate(values, {
      onSuccess: () => onDone(newEmail),
      onError: (error) => {
        if (isApiClientError(error) && error.code === "EMAIL_CHANGE_CODE_INVALID") {
          form.setError("code", { type: serverErrorType(error.code) });
        } else {
          form.setError("root.server", { type: "server" });
        }
      },
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={confirm.isPending}>
      <fieldset disabled={confirm.isPending} className="flex flex-col gap-4">
        <legend className="sr-only">{t("legend")}</legend>
        <Alert tone="info">
          <AlertDescription>{t("codeSent", { email: newEmail })}</AlertDescription>
        </Alert>
        {errors.root?.server ? (
          <Alert tone="destructive">
            <AlertDescription>{rootMessage(confirm.error)}</AlertDescription>
          </Alert>
        ) : null}
        <FormField
          label={t("code")}
          description={t("codeHint")}
          error={fieldError("code", errors.code)}
        >
          <Input
            autoComplete="one-time-code"
            inputMode="numeric"
            spellCheck={false}
            {...form.register("code")}
          />
        </FormField>
        <div className="flex flex-wrap gap-3">
          <Button type="submit">
            {confirm.isPending ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
            {t("confirm")}
          </Button>
          <Button type="button" variant="ghost" onClick={onRestart}>
            {t("startOver")}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
