import { describe, expect, it } from 'vitest';
import { readPlainTable } from './plain-table.js';

describe('readPlainTable', () => {
  it('reads pipe-separated rows with no ---|--- line under the header, up to a row of another shape', () => {
    const lines = ['Issue | Tripoli | Benghazi', 'Election law | Dual nationals barred | Dual nationals may run', 'Oil revenue | Shared | Held in escrow', 'Note | only two cells'];
    expect(readPlainTable(lines, 0)).toEqual({ columns: ['Issue', 'Tripoli', 'Benghazi'], rows: [['Election law', 'Dual nationals barred', 'Dual nationals may run'], ['Oil revenue', 'Shared', 'Held in escrow']], end: 2 });
  });

  it('reads tab-separated cells, empty cells included, up to the first line that is not a row', () => {
    const lines = ['Party\tDemand\tRed line', 'Ukraine\t\tNo inspections', 'Russia\tSWIFT\tNo arms', 'The sides met again.'];
    expect(readPlainTable(lines, 0)).toEqual({ columns: ['Party', 'Demand', 'Red line'], rows: [['Ukraine', '', 'No inspections'], ['Russia', 'SWIFT', 'No arms']], end: 2 });
  });

  it('reads a tab opening the header as its blank top-left corner, over rows named in their first cell', () => {
    const lines = ['\tIceland\tNorway', '2025 share\t16.5%\t22.5%', 'Ask for 2026\t18%\t25%'];
    expect(readPlainTable(lines, 0)).toEqual({ columns: ['', 'Iceland', 'Norway'], rows: [['2025 share', '16.5%', '22.5%'], ['Ask for 2026', '18%', '25%']], end: 2 });
  });

  it('reads tabs that only line cells up (two in a row) as one gap when that fits the header', () => {
    const lines = ['Party\t\tDemand', 'Ukraine\t\tSafe passage', 'Russia\tSWIFT'];
    expect(readPlainTable(lines, 0)?.rows).toEqual([['Ukraine', 'Safe passage'], ['Russia', 'SWIFT']]);
  });

  it('reads cells lined up under the header by runs of spaces (a right-aligned figure may stick out a little), up to a line that does not line up', () => {
    const lines = ['Item            Amount        Who pays', "Insurance pool  $300 million  Lloyd's", 'Compensation   $1.1 billion  Donors', 'Port fees  €45 million        Shippers'];
    expect(readPlainTable(lines, 0)).toEqual({ columns: ['Item', 'Amount', 'Who pays'], rows: [['Insurance pool', '$300 million', "Lloyd's"], ['Compensation', '$1.1 billion', 'Donors']], end: 2 });
  });

  it('reads a header indented over the rows\' first cells as a blank top-left corner, as with a tab', () => {
    const lines = ['              Iceland   Norway', '2025 share    16.5%     22.5%', 'Ask for 2026  18%       25%'];
    expect(readPlainTable(lines, 0)).toEqual({ columns: ['', 'Iceland', 'Norway'], rows: [['2025 share', '16.5%', '22.5%'], ['Ask for 2026', '18%', '25%']], end: 2 });
    // (Not when the row's first cell runs on under the first column name: that row is another shape.)
    expect(readPlainTable(['      Iceland   Norway', '2025 share    16.5%     22.5%'], 0)).toBeUndefined();
  });

  it('reads a rule of dashes under a lined-up header as no row', () => {
    const lines = ['Party     Sanctions', '-------   -------------', 'US        Phased relief', 'Iran      Full lifting'];
    expect(readPlainTable(lines, 0)).toEqual({ columns: ['Party', 'Sanctions'], rows: [['US', 'Phased relief'], ['Iran', 'Full lifting']], end: 3 });
  });

  it('reads no table from prose with two spaces after a full stop, nor from a header alone', () => {
    expect(readPlainTable(['The talks ended.  Both sides left.', 'They will meet again.  No date was set.'], 0)).toBeUndefined();
    expect(readPlainTable(['Party  Demand', '', 'Ukraine  Safe passage'], 0)).toBeUndefined();
    expect(readPlainTable(['\tThe talks are expected to last three days.', 'They began on Monday.'], 0)).toBeUndefined();
  });
});
