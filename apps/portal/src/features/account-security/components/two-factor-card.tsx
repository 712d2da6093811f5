"use client";

import { type TotpEnrolment } from "@portal/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type ComponentProps, type FormEvent } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import {
  accountSecurityKeys,
  confirmTotp,
  disableTotp,
  enrolTotp,
  fetchMfaStatus,
} from "@/features/account-security/api/account-security-api";
import { useErrorMessage } from "@/lib/errors/use-error-message";

/**
 * A code field: numeric keyboard, the OS's one-time-code autofill; full-width digits pass (the
 * BFF normalises them). Passes the id and aria wiring of `FormField` on to the input.
 */
function CodeInput({
  value,
  onChange,
  ...props
}: Omit<ComponentProps<typeof Input>, "value" | "onChange"> & {
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Input
      {...props}
      name="code"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      autoComplete="one-time-code"
      inputMode="numeric"
      spellCheck={false}
    />
  );
}

/** The recovery codes, shown once, with copy and download. */
function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useTranslations("accountSecurity.mfa");
  const [copied, setCopied] = useState(false);
  const text = codes.join("\n");
  return (
    <div className="flex flex-col gap-4">
      <Alert tone="warning">
        <AlertDescription>{t("recoveryWarning")}</AlertDescription>
      </Alert>
      <ol
        aria-label={t("recoveryTitle")}
        data-testid="recovery-codes"
        className="grid grid-cols-2 gap-2 font-mono text-sm"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="outline"
          onClick={() => {
            void navigator.clipboard?.writeText(text).then(() => setCopied(true));
          }}
        >
          {copied ? t("copied") : t("copy")}
        </Button>
        <a
          className="inline-flex min-h-11 items-center rounded-md border px-4 text-sm font-medium hover:bg-muted"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
          download="recovery-codes.txt"
        >
          {t("download")}
        </a>
        <Button type="button" onClick={onDone}>
          {t("done")}
        </Button>
      </div>
    </div>
  );
}

/** Enrolment: QR code, manual key, and the code that confirms it. */
function EnrolPanel({
  enrolment,
  onConfirmed,
}: {
  enrolment: TotpEnrolment;
  onConfirmed: (codes: string[]) => void;
}) {
  const t = useTranslations("accountSecurity.mfa");
  const message = useErrorMessage();
  const [code, setCode] = useState("");
  const confirm = useMutation({
    mutationFn: confirmTotp,
    onSuccess: (result) => onConfirmed(result.recoveryCodes),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code);
  };
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <p className="text-sm">{t("scan")}</p>
      <div
        role="img"
        aria-label={t("qrLabel")}
        className="size-48 rounded-md bg-white p-2 [&_svg]:size-full"
        // The SVG is drawn by the BFF (qrcode) from our own otpauth URI; it holds no markup from input.
        dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
      />
      <p className="text-sm">
        {t("manual")}{" "}
        <code data-testid="totp-secret" className="font-mono break-all">
          {enrolment.secret}
        </code>
      </p>
      {confirm.isError ? (
        <Alert tone="destructive">
          <AlertDescription>{message.forError(confirm.error)}</AlertDescription>
        </Alert>
      ) : null}
      <FormField label={t("codeLabel")} description={t("codeHint")} className="max-w-xs">
        <CodeInput value={code} onChange={setCode} />
      </FormField>
      <Button type="submit" className="w-fit" disabled={confirm.isPending}>
        {t("confirm")}
      </Button>
    </form>
  );
}

/** Disabling: the password and a code (app or recovery). */
function DisablePanel({ onDisabled }: { onDisabled: () => void }) {
  const t = useTranslations("accountSecurity.mfa");
  const message = useErrorMessage();
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const disable = useMutation({ mutationFn: disableTotp, onSuccess: onDisabled });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    disable.mutate({ password, code });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-md flex-col gap-4">
      {disable.isError ? (
        <Alert tone="destructive">
          <AlertDescription>{message.forError(disable.error)}</AlertDescription>
        </Alert>
      ) : null}
      <FormField label={t("password")}>
        <Input
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </FormField>
      <FormField label={t("codeOrRecovery")}>
        <CodeInput value={code} onChange={setCode} />
      </FormField>
      <Button type="submit" variant="destructive" className="w-fit" disabled={disable.isPending}>
        {t("disable")}
      </Button>
    </form>
  );
}

/**
 * Two-factor authentication (decision 0033): off → "set up" (QR code + manual key + confirm
 * code) → the ten recovery codes, shown once; on → turn off with the password and a code.
 */
export function TwoFactorCard() {
  const t = useTranslations("accountSecurity.mfa");
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: accountSecurityKeys.mfa(),
    queryFn: ({ signal }) => fetchMfaStatus(signal),
  });
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [disabling, setDisabling] = useState(false);
  const enrol = useMutation({ mutationFn: enrolTotp, onSuccess: setEnrolment });
  const refresh = () => queryClient.invalidateQueries({ queryKey: accountSecurityKeys.all });

  const enabled = status.data?.totpEnabled ?? false;
  let body;
  if (recoveryCodes) {
    body = (
      <RecoveryCodesPanel
        codes={recoveryCodes}
        onDone={() => {
          setRecoveryCodes(null);
          void refresh();
        }}
      />
    );
  } else if (enrolment) {
    body = (
      <EnrolPanel
        enrolment={enrolment}
        onConfirmed={(codes) => {
          setEnrolment(null);
          setRecoveryCodes(codes);
        }}
      />
    );
  } else if (enabled && disabling) {
    body = (
      <DisablePanel
        onDisabled={() => {
          setDisabling(false);
          void refresh();
        }}
      />
    );
  } else if (enabled) {
    body = (
      <div className="flex flex-col gap-3">
        <p className="text-sm">
          {t("recoveryLeft", { count: status.data?.recoveryCodesLeft ?? 0 })}
        </p>
        <Button
          type="button"
          variant="outline"
          className="w-fit"
          onClick={() => setDisabling(true)}
        >
          {t("turnOff")}
        </Button>
      </div>
    );
  } else {
    body = (
      <div className="flex flex-col gap-3">
        {enrol.isError ? (
          <Alert tone="destructive">
            <AlertDescription>{message.forError(enrol.error)}</AlertDescription>
          </Alert>
        ) : null}
        <Button
          type="button"
          className="w-fit"
          disabled={enrol.isPending || status.isPending}
          onClick={() => enrol.mutate()}
        >
          {t("setUp")}
        </Button>
      </div>
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {t("title")}
          {status.data ? (
            <Badge tone={enabled ? "success" : "neutral"}>{enabled ? t("on") : t("off")}</Badge>
          ) : null}
        </CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>{body}</CardContent>
    </Card>
  );
}
