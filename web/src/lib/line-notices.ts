/**
 * Service notices of the lines, the way a transit map announces disruptions: which lines have
 * experts away, and which have so few left that the line is a coverage gap. Pure: unit-tested.
 */
import type { NetworkMap } from './network-map.types.ts';

/** `gap`: at least half of the line's experts are away; `disruption`: some are. */
export type LineNoticeLevel = 'gap' | 'disruption';

export interface LineNotice {
  lineCode: string;
  level: LineNoticeLevel;
  /** Experts of the line away today. */
  awayCount: number;
  /** Experts of the line (units are never away, so they don't count). */
  expertCount: number;
  /** The latest return date among the away experts, ISO. */
  backBy: string;
}

/** Notices by line code; lines without away experts have none. */
export function lineNotices(map: Pick<NetworkMap, 'lines' | 'stations'>): Map<string, LineNotice> {
  const notices = new Map<string, LineNotice>();
  for (const line of map.lines) {
    const experts = map.stations.filter(
      (station) => station.kind === 'EXPERT' && station.lineCodes.includes(line.code),
    );
    const away = experts.filter((station) => station.awayUntil !== null);
    if (away.length === 0) {
      continue;
    }
    // ISO dates sort as text.
    const backBy = away.map((station) => station.awayUntil as string).sort()[away.length - 1];
    notices.set(line.code, {
      lineCode: line.code,
      level: away.length * 2 >= experts.length ? 'gap' : 'disruption',
      awayCount: away.length,
      expertCount: experts.length,
      backBy: backBy as string,
    });
  }
  return notices;
}
