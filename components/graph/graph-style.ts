import type { HopLabel } from '@/lib/attribution/chain';
import type { NodeKind } from '@/lib/graph/types';

/** How each kind of node looks: people are pills, services octagons, roles squared, sessions rounded. */
export const KIND_STYLE: Record<NodeKind, { label: string; box: string; tag: string; shape: 'pill' | 'octagon' | 'square' | 'rounded' | 'dashed' }> = {
  'iam-user': { label: 'IAM user', box: 'border-sky-500 bg-sky-50', tag: 'bg-sky-600', shape: 'pill' },
  root: { label: 'root user', box: 'border-red-500 bg-red-50', tag: 'bg-red-600', shape: 'pill' },
  'sso-user': { label: 'IAM Identity Center', box: 'border-violet-500 bg-violet-50', tag: 'bg-violet-600', shape: 'pill' },
  'saml-user': { label: 'SAML user', box: 'border-purple-500 bg-purple-50', tag: 'bg-purple-600', shape: 'pill' },
  'web-identity-user': { label: 'web identity', box: 'border-fuchsia-500 bg-fuchsia-50', tag: 'bg-fuchsia-600', shape: 'pill' },
  'aws-service': { label: 'AWS service', box: 'border-amber-500 bg-amber-50', tag: 'bg-amber-600', shape: 'octagon' },
  'aws-account': { label: 'account', box: 'border-slate-500 bg-slate-50', tag: 'bg-slate-600', shape: 'square' },
  role: { label: 'role', box: 'border-emerald-600 bg-emerald-50', tag: 'bg-emerald-700', shape: 'square' },
  session: { label: 'role session', box: 'border-indigo-500 bg-white', tag: 'bg-indigo-600', shape: 'rounded' },
  unknown: { label: 'unknown', box: 'border-slate-400 bg-slate-100', tag: 'bg-slate-500', shape: 'dashed' },
};

export const SHAPE_CLASS: Record<(typeof KIND_STYLE)[NodeKind]['shape'], string> = {
  pill: 'rounded-full border-2',
  octagon: 'rounded-none border-2 [clip-path:polygon(8%_0,92%_0,100%_25%,100%_75%,92%_100%,8%_100%,0_75%,0_25%)]',
  square: 'rounded-none border-2 border-l-8',
  rounded: 'rounded-lg border-2',
  dashed: 'rounded-lg border-2 border-dashed',
};

export const EDGE_STYLE: Record<HopLabel | 'session-of', { stroke: string; dash?: string; width: number; label: string }> = {
  proven: { stroke: '#4f46e5', width: 1.8, label: 'proven: the AssumeRole response names the session or key' },
  inferred: { stroke: '#d97706', dash: '6 4', width: 1.8, label: 'inferred: same session name and time, no key to prove it' },
  broken: { stroke: '#dc2626', dash: '2 4', width: 2, label: 'broken: credentials used with no AssumeRole in the data' },
  'session-of': { stroke: '#94a3b8', dash: '1 3', width: 1, label: 'session of the role' },
};
