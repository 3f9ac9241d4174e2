/** The figures a graders' page shows, copied beside it: image formats a browser shows in an `<img>` and runs no script in. */

/** SVG is left out: opened alone, an SVG file runs the script inside it. */
const FIGURE_FILE = /\.(png|jpe?g|gif|webp|avif|bmp)$/i;

export const FIGURE_FORMATS = "PNG, JPEG, GIF, WebP, AVIF or BMP";

/** Whether a repository file is a figure the folder may hold a copy of. */
export function isFigureFile(path: string): boolean {
  return FIGURE_FILE.test(path);
}

/** Where a page's copy of a repository file goes in the folder: `<page name>/<repository path>`. */
export function figurePath(pageName: string, repositoryPath: string): string {
  return `${pageName}/${repositoryPath}`;
}

/** The same as a link from the page, each part escaped for a URL. */
export function figureHref(pageName: string, repositoryPath: string): string {
  return figurePath(pageName, repositoryPath).split("/").map(encodeURIComponent).join("/");
}
