import { type CatalogCategory } from "@portal/domain";
import { Network, Smartphone, Wifi, type LucideIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { catalogCategoryPath } from "@/features/catalog/navigation/catalog-paths";

const CATEGORIES: readonly { category: CatalogCategory; icon: LucideIcon }[] = [
  { category: "internet", icon: Wifi },
  { category: "sim", icon: Smartphone },
  { category: "vpn", icon: Network },
];

/** `/catalog`: one card per category, each a link to its plans. */
export function CatalogOverview() {
  const t = useTranslations("catalog");
  return (
    <ul className="grid grid-cols-1 gap-4 md:grid-cols-3">
      {CATEGORIES.map(({ category, icon: Icon }) => (
        <li key={category} className="flex">
          <Link
            href={catalogCategoryPath(category)}
            className="flex w-full rounded-xl focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          >
            <Card className="w-full transition-colors hover:bg-muted/50">
              <CardHeader>
                <Icon aria-hidden="true" className="mb-2 size-8 text-primary" />
                <CardTitle>{t(`category.${category}.title`)}</CardTitle>
                <CardDescription>{t(`category.${category}.summary`)}</CardDescription>
              </CardHeader>
            </Card>
          </Link>
        </li>
      ))}
    </ul>
  );
}
