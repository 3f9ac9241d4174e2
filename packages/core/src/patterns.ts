/** The template's `--- question N fill here ---` placeholder (global: reset `lastIndex` or use matchAll). */
export const PLACEHOLDER = /-{3}[ \t]*question[ \t]+\d+[ \t]+fill[ \t]+here[ \t]*-{3}/gi;
