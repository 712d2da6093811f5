"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import {
  accountSecurityKeys,
  changePassword,
} from "@/features/account-security/api/account-security-api";
import { isApiClientError } from "@/lib/api/api-client-error";
import { useErrorMessage } from "@/lib/errors/use-error-message";

/**
 * Change password: the current one and a new one (sign-up rule, checked by the BFF, whose 400
 * names the field). Success ends every other session; this one stays.
 */
export function PasswordChangeCard() {
  const t = useTranslations("accountSecurity.password");
  const message = useErrorMessage();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      setCurrentPassword("");
      setNewPassword("");
      // Other sessions ended and the change is in the activity.
      void queryClient.invalidateQueries({ queryKey: accountSecurityKeys.all });
    },
  });
  const error = change.isError ? change.error : null;
  const fields = isApiClientError(error) ? error.fields : {};

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ currentPassword, newPassword });
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} noValidate aria-busy={change.isPending}>
          <fieldset disabled={change.isPending} className="flex max-w-md flex-col gap-4">
            <legend className="sr-only">{t("title")}</legend>
            {change.isSuccess ? (
              <Alert tone="success">
                <AlertDescription>{t("changed")}</AlertDescription>
              </Alert>
            ) : null}
            {error && !fields.currentPassword && !fields.newPassword ? (
              <Alert tone="destructive">
                <AlertDescription>{message.forError(error)}</AlertDescription>
              </Alert>
            ) : null}
            <FormField
              label={t("current")}
              error={fields.currentPassword ? t("currentWrong") : undefined}
            >
              <Input
                type="password"
                autoComplete="current-password"
                value={currentPassword}
                onChange={(event) => setCurrentPassword(event.target.value)}
              />
            </FormField>
            <FormField
              label={t("new")}
              description={t("newHint")}
              error={fields.newPassword ? t("newInvalid") : undefined}
            >
              <Input
                type="password"
                autoComplete="new-password"
                value={newPassword}
                onChange={(event) => setNewPassword(event.target.value)}
              />
            </FormField>
            <Button type="submit" className="w-fit">
              {t("submit")}
            </Button>
          </fieldset>
        </form>
      </CardContent>
    </Card>
  );
}
