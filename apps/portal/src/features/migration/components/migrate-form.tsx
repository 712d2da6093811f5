"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { migrateRequestSchema, type MigrateRequest } from "@portal/domain";
import { Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useStartMigration } from "@/features/migration/hooks/use-start-migration";
import { rememberMigrationEmail } from "@/features/migration/migration-email";
import { MIGRATION_PATHS } from "@/features/migration/migration-paths";
import { isApiClientError } from "@/lib/api/api-client-error";
import { useErrorMessage } from "@/lib/errors/use-error-message";
import { useFieldError } from "@/lib/validation/use-field-error";

/**
 * The old billing portal (WHMCS) login of an existing customer. Validated with the domain's
 * `migrateRequestSchema`; a refusal shows in an alert, by error code (a wrong login reads
 * exactly as on the sign-in form); on success the ticket is in an HttpOnly cookie and the
 * customer goes on to choose a new password.
 */
export function MigrateForm() {
  const router = useRouter();
  const start = useStartMigration();
  const t = useTranslations("migration");
  const message = useErrorMessage();
  const fieldError = useFieldError("migration");
  const form = useForm<MigrateRequest>({
    resolver: zodResolver(migrateRequestSchema),
    defaultValues: { email: "", password: "" },
  });
  const { errors } = form.formState;
  const busy = start.isPending || start.isSuccess;

  // After a refusal, put the customer back in the password field (the fieldset was disabled).
  useEffect(() => {
    if (start.error) form.setFocus("password", { shouldSelect: true });
  }, [start.error, form]);

  const onSubmit = form.handleSubmit((values) => {
    start.mutate(values, {
      onSuccess: (started) => {
        rememberMigrationEmail(started.email);
        router.push(MIGRATION_PATHS.setPassword);
      },
    });
  });

  const failure = start.isError
    ? isApiClientError(start.error)
      ? message.forError(start.error)
      : t("unavailableText")
    : null;

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={busy}>
      <fieldset disabled={busy} className="flex flex-col gap-5">
        <legend className="sr-only">{t("legend")}</legend>
        {failure ? (
          <Alert tone="destructive">
            <AlertTitle>{t("failedTitle")}</AlertTitle>
            <AlertDescription>{failure}</AlertDescription>
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
