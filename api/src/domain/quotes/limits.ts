/**
 * How big a quote may grow. Every line is printed on the PDF and priced on
 * every change, so the count is bounded; the text limits of each field are in
 * the contract (routes/quotes/quotes.schemas.ts and quotes.lines.schemas.ts).
 */
export const MAX_LINES_PER_QUOTE = 250;

/** Whether one more line fits on a quote that has `lineCount` lines. */
export const canAddLine = (lineCount: number) => lineCount < MAX_LINES_PER_QUOTE;
