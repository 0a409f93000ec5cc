/**
 * Styles for a shadow root, parsed ahead of the first draw.
 *
 * A `<style>` element in a shadow root whose host is not on the page yet is parsed only when the
 * host is added: on the bench admin page that put the overlay's stylesheet (9 kB) inside the
 * first card's draw (bench/tour/experiments/host.ts: the card in and laid out in 11.4 ms with a
 * `<style>`, 9.9 ms with a stylesheet constructed before). A constructed stylesheet is parsed when
 * it is made, so the overlay makes it when it prepares its host (the popup opened), and the
 * shadow root adopts it. Engines without constructable stylesheets get a `<style>` element.
 */

/** The last styles parsed, and their sheet (null where sheets cannot be constructed). */
let parsed: { css: string; sheet: CSSStyleSheet | null } | undefined;

/** Gives `shadow` the styles `css`, adopted when the engine can, else as a `<style>` element. */
export function adoptStyles(shadow: ShadowRoot, css: string): void {
  if (parsed?.css !== css) {
    parsed = { css, sheet: null };
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      parsed.sheet = sheet;
    } catch {
      // No constructable stylesheets here: a <style> below.
    }
  }
  try {
    if (parsed.sheet) {
      shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, parsed.sheet];
      return;
    }
  } catch {
    // A sheet from another document or world, or no adoptedStyleSheets: a <style> below.
  }
  const style = shadow.ownerDocument.createElement('style');
  style.textContent = css;
  shadow.prepend(style);
}
