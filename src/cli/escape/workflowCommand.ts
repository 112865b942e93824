import { stripControls } from './controls';

/**
 * GitHub Actions workflow-command escaping, as the runner's own toolkit does it (`@actions/core`
 * `escapeData` / `escapeProperty`): the message is data (`%`, CR, LF), property values also escape `:`
 * and `,`. Control characters other than CR/LF are replaced first, so nothing reaches the log raw.
 */
export function escapeData(text: string): string {
  return stripControls(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::name key=value,...::message` with every part escaped; properties with null values are left out. */
export function workflowCommand(name: string, properties: Record<string, string | number | null | undefined>, message: string): string {
  const props = Object.entries(properties).filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${name}${props.length > 0 ? ` ${props.join(',')}` : ''}::${escapeData(message)}`;
}
