/** An expectation in plain words, for its verdict: "`process-message-batch` is a root, has kind consumer and …". */
import type { Expectation, LinkCheck } from './expectation-schema.ts';
import { describeAttributes, describeSelector, isPattern, joinWords } from './span-selector.ts';

function linkPhrase(links: LinkCheck): string {
  if (links.count === 0) return 'has no links';
  const { count } = links;
  const one = count === 1;
  let phrase = `has ${count === undefined ? 'links' : `${count} link${one ? '' : 's'}`}`;
  if (Array.isArray(links.to)) phrase += ` to ${joinWords(links.to.map(describeSelector))} (in that order)`;
  else if (links.to !== undefined) phrase += ` to ${describeSelector(links.to)}`;
  if (links.into === 'own-trace') phrase += ' within its own trace';
  else if (links.into === 'other-traces') phrase += one ? ' into another trace' : ' into other traces';
  else if (links.into === 'separate-traces') {
    phrase +=
      count === undefined
        ? ', each into a different trace'
        : one
          ? ' into another trace'
          : ` into ${count} different traces`;
  }
  if (links.attributes !== undefined) {
    const verb = Array.isArray(links.attributes) ? 'carrying' : 'with';
    phrase += `, ${one ? '' : 'each '}${verb} ${describeAttributes(links.attributes)}`;
  }
  if (links.atStart === true) phrase += `, ${one ? '' : 'all '}given when it started`;
  return phrase;
}

/** The checks an expectation makes on each selected span, as verb phrases. */
export function spanClauses(e: Expectation): string[] {
  const clauses: string[] = [];
  if (e.root === true) clauses.push('is a root');
  if (e.root === false && e.parent === undefined) clauses.push('has a parent');
  if (e.parent !== undefined) clauses.push(`is a child of ${describeSelector(e.parent)}`);
  if (e.kind !== undefined) clauses.push(`has kind ${e.kind}`);
  if (e.ended !== undefined) clauses.push(e.ended ? 'was ended' : 'was never ended');
  if (e.status !== undefined) clauses.push(`has status ${e.status}`);
  if (e.attributes !== undefined) {
    clauses.push(`${Array.isArray(e.attributes) ? 'carries' : 'has'} ${describeAttributes(e.attributes)}`);
  }
  if (e.links !== undefined) clauses.push(linkPhrase(e.links));
  return clauses;
}

function countPhrase(count: number, subject: string): string {
  if (count === 0) return `no span matches ${subject}`;
  return `${count} span${count === 1 ? ' matches' : 's match'} ${subject}`;
}

/** The expectation in plain words: its own `description`, or one generated from its checks. */
export function describeExpectation(e: Expectation): string {
  if (e.description !== undefined) return e.description;
  const subject = describeSelector(e.span);
  const clauses = spanClauses(e);
  const traces = e.traces === 'same' ? 'all in one trace' : e.traces === 'separate' ? 'each in a trace of its own' : '';
  if (e.count !== undefined) {
    let text = countPhrase(e.count, subject);
    if (traces) text += `, ${traces}`;
    if (clauses.length > 0 && e.count > 0) text += `; ${e.count === 1 ? 'it' : 'each'} ${joinWords(clauses)}`;
    return text;
  }
  if (traces) {
    const every = e.traces === 'same' ? 'all spans are in one trace' : 'every span is in a trace of its own';
    const text = e.span === '*' ? every : `the ${subject} spans are ${traces}`;
    return clauses.length > 0 ? `${text}; each ${joinWords(clauses)}` : text;
  }
  if (clauses.length === 0) return `at least one span matches ${subject}`;
  return `${isPattern(e.span) ? 'every ' : ''}${subject} ${joinWords(clauses)}`;
}
