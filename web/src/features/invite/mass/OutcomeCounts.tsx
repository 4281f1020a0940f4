import { Paper, SimpleGrid, Text } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import type { ImportJob } from '../../../api/types';
import { formatNumber } from '../../../ui/format';
import { IMPORT_OUTCOMES } from '../../../ui/labels';

/** The count per outcome as numbers (what is read) — the chart beside it only repeats them. */
export function OutcomeCounts({ summary }: { summary: ImportJob['summary'] }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="xs" component="dl" m={0}>
      {IMPORT_OUTCOMES.map(({ outcome, label }) => (
        <Paper key={outcome} withBorder p="xs" radius="sm">
          <Text component="dt" size="xs" c="dimmed">
            {label}
          </Text>
          <Text component="dd" m={0} fw={700} size="lg">
            {formatNumber(summary[outcome])}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

export function OutcomeChart({ summary }: { summary: ImportJob['summary'] }) {
  const data = IMPORT_OUTCOMES.map(({ outcome, label, color }) => ({
    outcome: label,
    rows: summary[outcome] ?? 0,
    color,
  }));
  return (
    <figure style={{ margin: 0, maxWidth: 720 }} aria-label="Rows per outcome, as a bar chart">
      <BarChart
        h={260}
        data={data}
        dataKey="outcome"
        series={[{ name: 'rows', label: 'Rows', color: 'indigo.6' }]}
        orientation="vertical"
        yAxisProps={{ width: 120 }}
        withBarValueLabel
        valueFormatter={(value) => formatNumber(value)}
        gridAxis="none"
      />
    </figure>
  );
}
