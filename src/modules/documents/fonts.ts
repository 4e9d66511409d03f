import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';

/**
 * The project ships its own Unicode font: Decree 30/2020 asks for a Vietnamese Unicode font
 * (TCVN 6909:2001; the decree names Times New Roman, which is not redistributable), and the
 * PDF standard 14 fonts have no Vietnamese glyphs at all. Noto Serif (SIL OFL) covers every
 * Vietnamese precomposed letter and is the closest freely licensed serif.
 */
export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

const require = createRequire(import.meta.url);

const FILES: Record<FontStyle, string> = {
  regular: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
  italic: '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf',
};

/** pdfkit font names used by the layout (registered once per document). */
export const FONT: Record<FontStyle, string> = {
  regular: 'NotoSerif',
  bold: 'NotoSerif-Bold',
  italic: 'NotoSerif-Italic',
  boldItalic: 'NotoSerif-BoldItalic',
};

let resolved: Record<FontStyle, string> | undefined;

/**
 * Absolute paths of the TTF files, resolved through the package so it works from src/ (tsx,
 * vitest) and dist/ alike. Bold italic falls back to bold if a future package drops it.
 */
export function fontPaths(): Record<FontStyle, string> {
  if (resolved) return resolved;
  const regular = require.resolve(FILES.regular);
  const bold = require.resolve(FILES.bold);
  const italic = require.resolve(FILES.italic);
  let boldItalic = bold;
  try {
    const candidate = require.resolve(FILES.boldItalic);
    if (existsSync(candidate)) boldItalic = candidate;
  } catch {
    // keep bold
  }
  resolved = { regular, bold, italic, boldItalic };
  return resolved;
}

let data: Record<FontStyle, Buffer> | undefined;

/** The font files read once per process: every rendered form embeds a subset of them. */
export function fontData(): Record<FontStyle, Buffer> {
  if (data) return data;
  const paths = fontPaths();
  data = {
    regular: readFileSync(paths.regular),
    bold: readFileSync(paths.bold),
    italic: readFileSync(paths.italic),
    boldItalic: readFileSync(paths.boldItalic),
  };
  return data;
}
