import { usdInWords, vietnameseNumberWords, vndInWords } from './number-words';

describe('Vietnamese number words', () => {
  it.each([
    [0n, 'không'],
    [5n, 'năm'],
    [10n, 'mười'],
    [15n, 'mười lăm'],
    [21n, 'hai mươi mốt'],
    [24n, 'hai mươi tư'],
    [25n, 'hai mươi lăm'],
    [105n, 'một trăm linh năm'],
    [110n, 'một trăm mười'],
    [1005n, 'một nghìn không trăm linh năm'],
    [1_000_001n, 'một triệu không trăm linh một'],
    [851_063n, 'tám trăm năm mươi mốt nghìn không trăm sáu mươi ba'],
    [1_250_000_000n, 'một tỷ hai trăm năm mươi triệu'],
    [235_000_000_000n, 'hai trăm ba mươi lăm tỷ'],
    [1_000_000_000_000n, 'một nghìn tỷ'],
    [2_100_000_000_005n, 'hai nghìn một trăm tỷ không trăm linh năm'],
    [1_000_000_000_000_000_000n, 'một tỷ tỷ'],
  ])('%s → %s', (n, expected) => expect(vietnameseNumberWords(n)).toBe(expected));

  it('prints amounts as certificates do', () => {
    expect(vndInWords(20_000_000_000n)).toBe('Hai mươi tỷ đồng');
    expect(usdInWords(85_106_300n)).toBe('Tám trăm năm mươi mốt nghìn không trăm sáu mươi ba đô la Mỹ');
    expect(usdInWords(1_050n)).toBe('Mười đô la Mỹ và năm mươi xu');
  });
});
