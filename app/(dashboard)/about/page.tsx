import { Card } from '@/components/card';
import { linkIsValid } from '@/lib/http/invalid-link';
import { getEnricher } from '@/lib/enrichment/enricher';
import { env } from '@/lib/env';
import { ATTACK_ATTRIBUTION, ATTACK_SOURCES, ATTACK_VERSION } from '@/lib/attack/techniques';

export const dynamic = 'force-dynamic';

/** What Trailscope runs on and the data it ships, with the attribution their licences require. */
export default async function AboutPage() {
  await linkIsValid();
  const { sources } = getEnricher();
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-semibold">About Trailscope</h1>
      <Card title="This instance">
        <p className="text-sm">
          Query engine: <span className="font-mono">{env().TRAILSCOPE_ENGINE}</span>. Your CloudTrail data stays where it is: in the local store under the data
          folder, or in your own S3 bucket read through Amazon Athena or your Trino.
        </p>
      </Card>
      <Card title="Data sources and attribution">
        <ul className="space-y-2 text-sm" data-testid="data-sources">
          {sources.map((s) => (
            <li key={s.name}>
              <p className="font-medium">{s.name}</p>
              <p className="text-slate-600">{s.licence}</p>
              <p className="font-mono text-xs text-slate-500">{s.path}</p>
            </li>
          ))}
          <li data-testid="attack-sources">
            <p className="font-medium">MITRE ATT&CK v{ATTACK_VERSION}: the techniques on findings and in reports</p>
            <p className="text-slate-600">{ATTACK_ATTRIBUTION}</p>
            <ul className="mt-1 list-disc pl-5 text-slate-600">
              {Object.values(ATTACK_SOURCES).map((s) => (
                <li key={s.repository}>
                  {s.name} ({s.licence}): <span className="font-mono text-xs">github.com/{s.repository}</span> at <span className="font-mono text-xs">{s.commit.slice(0, 7)}</span>
                </li>
              ))}
            </ul>
          </li>
          <li>
            <p className="font-medium">World map</p>
            <p className="text-slate-600">Made with Natural Earth (public domain), via the world-atlas package (ISC).</p>
          </li>
        </ul>
      </Card>
    </div>
  );
}
