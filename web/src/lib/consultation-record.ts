/**
 * What "Konsultaatio toteutui" records for an itinerary: its lines, the municipality and one
 * channel; nothing else (never the description, never anyone's name). Pure.
 */
import type { ChannelCode } from './messages.ts';
import type { PlanItinerary } from './route-plan.ts';

export interface ConsultationToRecord {
  lines: string[];
  municipality: string;
  channel: ChannelCode;
}

/** The lines of an itinerary, each once, in code order. */
export function itineraryLines(itinerary: PlanItinerary): string[] {
  return [...new Set(itinerary.stops.map((stop) => stop.line.code))].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
}

/**
 * The channel offered first: the first the worker asked for that the first stop offers, else
 * the first stop's first channel, else phone.
 */
export function defaultChannel(
  itinerary: PlanItinerary,
  wanted: readonly ChannelCode[],
): ChannelCode {
  const offered = itinerary.stops[0]?.station.channels ?? [];
  return wanted.find((channel) => offered.includes(channel)) ?? offered[0] ?? wanted[0] ?? 'PHONE';
}

/** The record, or null when there is no municipality to count it in. */
export function consultationToRecord(
  itinerary: PlanItinerary,
  municipality: string | null | undefined,
  channel: ChannelCode,
): ConsultationToRecord | null {
  const place = municipality?.trim();
  const lines = itineraryLines(itinerary);
  if (!place || lines.length === 0) {
    return null;
  }
  return { lines, municipality: place, channel };
}

export const RECORD_CONSULTATION = /* GraphQL */ `
  mutation RecordConsultation($lines: [String!]!, $municipality: String!, $channel: Channel!) {
    recordConsultation(lines: $lines, municipality: $municipality, channel: $channel)
  }`;
