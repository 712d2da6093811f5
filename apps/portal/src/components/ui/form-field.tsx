"use client";

import { Slot } from "@radix-ui/react-slot";
import { useId, type ReactElement, type ReactNode } from "react";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/cn";

/** Props of {@link FormField}. */
export interface FormFieldProps {
  /** Visible label; it is also the control's accessible name. */
  label: ReactNode;
  /** Hint shown under the control and read after the label (`aria-describedby`). */
  description?: ReactNode;
  /** Validation or server message; marks the control invalid and is announced (`role="alert"`). */
  error?: string;
  /** Id of the control; generated when omitted. */
  id?: string;
  className?: string;
  /** Exactly one control (`Input`, `Select`…); it receives `id`, `aria-invalid` and `aria-describedby`. */
  children: ReactElement;
}

/**
 * One labelled form control with its hint and error. Owns the ids and the aria wiring, so a
 * feature form only passes the label, the message and the control: `<label for>` names the
 * control, `aria-describedby` points at the hint and the error, `aria-invalid` is set while an
 * error shows. Pattern: WAI-ARIA APG, "Providing accessible names and descriptions".
 */
export function FormField({ label, description, error, id, className, children }: FormFieldProps) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const descriptionId = `${controlId}-description`;
  const errorId = `${controlId}-error`;
  const describedBy = [description ? descriptionId : null, error ? errorId : null]
    .filter((value) => value !== null)
    .join(" ");

  return (
    <div className={cn("grid content-start gap-1.5", className)}>
      <Label htmlFor={controlId}>{label}</Label>
      <Slot
        id={controlId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      >
        {children}
      </Slot>
      {description ? (
        <p id={descriptionId} className="text-[13px] leading-snug text-muted-foreground">
          {description}
        </p>
      ) : null}
      {error ? (
        <p
          id={errorId}
          role="alert"
          className="text-[13px] leading-snug font-medium text-destructive"
        >
          {error}
        </p>
      ) : null}
    </div>
  );
}
