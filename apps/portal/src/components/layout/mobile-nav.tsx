"use client";

import { Menu } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { BrandLogo } from "@/components/layout/brand-logo";
import { PortalNav } from "@/components/layout/portal-nav";
import { Button } from "@/components/ui/button";
import { Separator } from "@/components/ui/separator";
import { Sheet, SheetContent, SheetTitle, SheetTrigger } from "@/components/ui/sheet";

/** The navigation on narrow screens: a menu button opening a side sheet. */
export function MobileNav() {
  const [open, setOpen] = useState(false);
  const t = useTranslations("nav");
  const common = useTranslations("common");
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden">
          <Menu aria-hidden="true" className="size-5!" />
          <span className="sr-only">{t("openMenu")}</span>
        </Button>
      </SheetTrigger>
      <SheetContent closeLabel={common("close")}>
        <SheetTitle className="sr-only">{t("menu")}</SheetTitle>
        <BrandLogo href="/dashboard" />
        <Separator />
        <PortalNav onNavigate={() => setOpen(false)} />
      </SheetContent>
    </Sheet>
  );
}
