/** The handover checklist or runbook as Markdown for the repository (GitHub renders the tables). */
import { mdBlock, mdCode, mdText } from '../report/markdown-escape.js';
import { formatTime, stripControl } from '../report/plain-text.js';
import type { HandoverDocument, Item, Section } from './document.js';

/** Like mdText, but keeps the spaces at the ends: the piece sits between code spans. */
function escapeInline(text: string): string {
  return stripControl(text)
    .replace(/\s*\n\s*|\t/g, ' ')
    .replace(/[\\`*_[\]<>|~#]/g, (ch) => `\\${ch}`);
}

/** Text whose `backticked` parts are commands or keys: those become code spans, the rest is escaped. */
export function mdRich(text: string, inTable = false): string {
  return text
    .split(/`([^`]+)`/)
    .map((part, i) => (i % 2 === 1 ? mdCode(part, inTable) : escapeInline(part)))
    .join('');
}

const BADGE: Record<Item['status'], string> = { verified: '✅ verified', declared: '📝 declared', unknown: '❓ unknown' };

function section(s: Section): string[] {
  const out = [`## ${mdText(s.title)}`, ''];
  if (s.intro) out.push(mdRich(s.intro), '');
  if (s.items && s.items.length > 0) {
    out.push('| Item | Detail | Status |', '|---|---|---|');
    for (const i of s.items) out.push(`| ${i.flag ? '⚠️ ' : ''}${mdRich(i.subject, true)} | ${mdRich(i.detail, true)} | ${BADGE[i.status]} |`);
    out.push('');
  }
  if (s.steps) {
    s.steps.forEach((step, n) => {
      out.push(`${n + 1}. ${mdRich(step.text)}`);
      if (step.command) out.push('', ...mdBlock(step.command, 'sh').split('\n').map((l) => `   ${l}`), '');
    });
    out.push('');
  }
  return out;
}

export function renderMarkdown(doc: HandoverDocument): string {
  const legend = doc.kind === 'handover' ? ['', 'Each item says how it is known: ✅ verified by launch-ready, 📝 declared in launch-ready.yaml, ❓ unknown (⚠️ needs action).'] : [];
  const head = [`# ${mdText(doc.title)}`, '', `${mdText(doc.subtitle)} — generated ${mdText(formatTime(doc.generatedAt))} by launch-ready.`, ...legend, ''];
  return `${[...head, ...doc.sections.flatMap(section)].join('\n').trimEnd()}\n`;
}
