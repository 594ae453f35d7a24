// The package's version and home page, put in by the build (scripts/build.mjs `define`) so the
// bundle does not read package.json at run time (it may be installed anywhere).
declare const KORE_CAMPAIGN_VERSION: string;
declare const KORE_CAMPAIGN_HOMEPAGE: string;

export const VERSION: string = KORE_CAMPAIGN_VERSION;
export const HOMEPAGE: string = KORE_CAMPAIGN_HOMEPAGE;
