import type { Lang } from "./bindings/Lang";

// Money crosses from Rust as an exact decimal string ("1250.500"). Intl formats decimal
// strings without going through a float. ar-LY with Latin digits is the default digit
// style (SPEC §9); three decimals always, as LYD has them.
const moneyFormats: Record<Lang, Intl.NumberFormat> = {
  ar: new Intl.NumberFormat("ar-LY", { minimumFractionDigits: 3, maximumFractionDigits: 3, numberingSystem: "latn" }),
  en: new Intl.NumberFormat("en-LY", { minimumFractionDigits: 3, maximumFractionDigits: 3, numberingSystem: "latn" }),
};

export function formatMoney(amount: string, lang: Lang): string {
  const formatted = moneyFormats[lang].format(amount as unknown as number);
  return lang === "ar" ? `${formatted} د.ل` : `LYD ${formatted}`;
}

const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  ar: new Intl.DateTimeFormat("ar-LY", { dateStyle: "long", numberingSystem: "latn", timeZone: "Africa/Tripoli" }),
  en: new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Africa/Tripoli" }),
};

const dateTimeFormats: Record<Lang, Intl.DateTimeFormat> = {
  ar: new Intl.DateTimeFormat("ar-LY", { dateStyle: "medium", timeStyle: "short", numberingSystem: "latn", timeZone: "Africa/Tripoli" }),
  en: new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Africa/Tripoli" }),
};

export function formatDate(iso: string | null | undefined, lang: Lang): string | null {
  if (!iso) return null;
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormats[lang].format(date);
}

export function formatDateTime(iso: string | null | undefined, lang: Lang): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormats[lang].format(date);
}

// The Hijri date beside a Gregorian one (SPEC §9), by the Umm al-Qura calendar the core
// uses for holidays and seasonal campaigns.
const hijriFormats: Record<Lang, Intl.DateTimeFormat> = {
  ar: new Intl.DateTimeFormat("ar-LY-u-ca-islamic-umalqura-nu-latn", { dateStyle: "long", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB-u-ca-islamic-umalqura", { dateStyle: "long", timeZone: "UTC" }),
};

export function formatHijri(isoDate: string | null | undefined, lang: Lang): string | null {
  if (!isoDate) return null;
  const date = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : hijriFormats[lang].format(date);
}

// A percentage that core computed exactly (a decimal string such as "33.3"); Intl writes
// it the language's way (ar-LY: "33,3٪").
const percentFormats: Record<Lang, Intl.NumberFormat> = {
  ar: new Intl.NumberFormat("ar-LY", { style: "percent", maximumFractionDigits: 1, numberingSystem: "latn" }),
  en: new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 }),
};

export function formatPercent(percent: string, lang: Lang): string {
  return percentFormats[lang].format(Number(percent) / 100);
}
