// Strings come from ../locales/{ar,en}/*.ftl, the same files Rust embeds: one source, and
// a Rust test fails when a key is missing in either language.
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { LocalizationProvider, ReactLocalization, useLocalization } from "@fluent/react";
import { DirectionProvider, useDirection } from "@mantine/core";
import { createContext, ReactNode, useContext, useEffect, useMemo, useState } from "react";
import type { Lang } from "./bindings/Lang";
import type { ErrorPayload } from "./bindings/ErrorPayload";

const sources = import.meta.glob("../../locales/*/*.ftl", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

function buildBundle(lang: Lang): FluentBundle {
  const bundle = new FluentBundle(lang === "ar" ? "ar-LY" : "en", { useIsolating: true });
  for (const [path, source] of Object.entries(sources)) {
    if (path.includes(`/locales/${lang}/`)) {
      const errors = bundle.addResource(new FluentResource(source));
      if (errors.length > 0) console.error(`Fluent errors in ${path}`, errors);
    }
  }
  return bundle;
}

const bundles: Record<Lang, FluentBundle> = { ar: buildBundle("ar"), en: buildBundle("en") };

const STORAGE_KEY = "eishro.uiLanguage";

interface LanguageState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

const LanguageContext = createContext<LanguageState>({ lang: "ar", setLang: () => {} });

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}

function DirectionSync({ lang }: { lang: Lang }) {
  const { setDirection } = useDirection();
  useEffect(() => {
    const dir = lang === "ar" ? "rtl" : "ltr";
    document.documentElement.lang = lang;
    document.documentElement.dir = dir;
    setDirection(dir);
  }, [lang, setDirection]);
  return null;
}

/** Arabic first; the choice is remembered on this desk. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() =>
    localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "ar",
  );
  const setLang = (next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  };
  const l10n = useMemo(() => {
    const other: Lang = lang === "ar" ? "en" : "ar";
    return new ReactLocalization([bundles[lang], bundles[other]]);
  }, [lang]);
  return (
    <LanguageContext.Provider value={{ lang, setLang }}>
      <DirectionProvider initialDirection={lang === "ar" ? "rtl" : "ltr"} detectDirection={false}>
        <DirectionSync lang={lang} />
        <LocalizationProvider l10n={l10n}>{children}</LocalizationProvider>
      </DirectionProvider>
    </LanguageContext.Provider>
  );
}

/** `t(id, args)` for the current language. */
export function useT(): (id: string, args?: Record<string, string | number>) => string {
  const { l10n } = useLocalization();
  return (id, args) => l10n.getString(id, args ?? null, id);
}

/** Renders a core error payload (message id + args) in the current language. */
export function useErrorText(): (error: unknown) => string {
  const t = useT();
  return (error) => {
    const payload = error as Partial<ErrorPayload> | undefined;
    if (payload && typeof payload.messageId === "string") {
      return t(payload.messageId, payload.args as Record<string, string>);
    }
    return String(error);
  };
}

/**
 * A core error as one sentence to show beside an action: the field problems themselves
 * when there are any (a refused status change says which move was refused), else the
 * error's own message.
 */
export function useErrorDetail(): (error: unknown) => string {
  const t = useT();
  const errorText = useErrorText();
  return (error) => {
    const payload = error as Partial<ErrorPayload> | undefined;
    if (payload?.fields && payload.fields.length > 0) {
      return payload.fields.map((f) => t(f.messageId, f.args as Record<string, string>)).join(" · ");
    }
    return errorText(error);
  };
}

/**
 * The label of a record field named by its path (`personalInfo.firstName`, `marketingEmails`),
 * as the consent and audit logs store it: the `field-…` message of its last segment, or the
 * path itself for a field without a label (a custom field, say).
 */
/** A message when the locales have one, else the fallback as it is: for values that come
 * from outside (a payment method a platform named) and may have no translation. */
export function useTextOr(): (id: string, fallback: string) => string {
  const { l10n } = useLocalization();
  return (id, fallback) => (l10n.getBundle(id) ? l10n.getString(id) : fallback);
}

export function useFieldLabel(): (path: string) => string {
  const { l10n } = useLocalization();
  return (path) => {
    const last = path.split(".").pop() ?? path;
    const id = `field-${last.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    return l10n.getBundle(id) ? l10n.getString(id) : path;
  };
}
