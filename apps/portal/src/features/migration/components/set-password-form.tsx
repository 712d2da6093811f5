"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { setPasswordRequestSchema } from "@portal/domain";
import { Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useSyncExternalStore } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { HOME_PATH } from "@/config/routes";
import { useCompleteMigration } from "@/features/migration/hooks/use-complete-migration";
import { forgetMigrationEmail, recalledMigrationEmail } from "@/features/migration/migration-email";
import { MIGRATION_PATHS } from "@/features/migration/migration-paths";
import { isApiClientError } from "@/lib/api/api-client-error";
import { useErrorMessage } from "@/lib/errors/use-error-message";
import { useFieldError } from "@/lib/validation/use-field-error";

/**
 * The form: the domain's `setPasswordRequestSchema` plus the repeated password, which must match
 * (`confirm`, issue `custom`). Only `password` is sent.
 */
const setPasswordFormSchema = setPasswordRequestSchema
  .extend({ confirm: z.string() })
  .refine((values) => values.password === values.confirm, {
    path: ["confirm"],
    message: "The passwords don't match",
  });
type SetPasswordForm = z.infer<typeof setPasswordFormSchema>;

/** The remembered email never changes while the page is open. */
function noSubscription(): () => void {
  return () => undefined;
}

/**
 * The new portal password of a migrating customer, typed twice, with the policy as a hint. On
 * success the customer is signed in and goes to the dashboard; an expired or used ticket offers
 * to start again.
 */
export function SetPasswordForm() {
  const router = useRouter();
  const complete = useCompleteMigration();
  const t = useTranslations("migration");
  const message = useErrorMessage();
  const fieldError = useFieldError("setPassword");
  // sessionStorage exists only in the browser: the server renders without the email.
  const email = useSyncExternalStore(noSubscription, recalledMigrationEmail, () => null);
  const form = useForm<SetPasswordForm>({
    resolver: zodResolver(setPasswordFormSchema),
    defaultValues: { password: "", confirm: "" },
  });
  const { errors } = form.formState;
  const busy = complete.isPending || complete.isSuccess;

  const onSubmit = form.handleSubmit(({ password }) => {
    complete.mutate(
      { password },
      {
        onSuccess: () => {
          forgetMigrationEmail();
          router.replace(HOME_PATH);
        },
      },
    );
  });

  const error = complete.isError ? complete.error : null;
  const ticketGone = isApiClientError(error) && error.code === "MIGRATION_TICKET_INVALID";
  const failure = error
    ? isApiClientError(error)
      ? message.forError(error)
      : t("unavailableText")
    : null;

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={busy}>
      <fieldset disabled={busy} className="flex flex-col gap-5">
        <legend className="sr-only">{t("setPasswordLegend")}</legend>
        {email ? <p className="text-sm">{t("signInAs", { email })}</p> : null}
        {failure ? (
          <Alert tone="destructive">
            <AlertTitle>{t("setPasswordFailedTitle")}</AlertTitle>
            <AlertDescription>
              {failure}{" "}
              {ticketGone ? (
                <Link
                  href={MIGRATION_PATHS.migrate}
                  className="font-semibold underline underline-offset-4"
                >
                  {t("startAgain")}
                </Link>
              ) : null}
            </AlertDescription>
          </Alert>
        ) : null}
        <FormField
          label={t("newPassword")}
          description={t("passwordHint")}
          error={fieldError("password", errors.password)}
        >
          <Input type="password" autoComplete="new-password" {...form.register("password")} />
        </FormField>
        <FormField label={t("confirmPassword")} error={fieldError("confirm", errors.confirm)}>
          <Input type="password" autoComplete="new-password" {...form.register("confirm")} />
        </FormField>
        <Button type="submit" size="lg" className="w-full">
          {busy ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
          {t("setPasswordSubmit")}
        </Button>
      </fieldset>
    </form>
  );
}
