import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './mask';

describe('masking', () => {
  it('keeps the first character of a Chinese name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳明远')).toBe('欧***');
    expect(maskName('李')).toBe('李*');
  });

  it('counts a character outside the BMP as one', () => {
    expect(maskName('𠀀明')).toBe('𠀀*');
  });

  it('keeps the first letter of each word of a Latin name', () => {
    expect(maskName('SMITH, JOHN')).toBe('S****, J***');
  });

  it('keeps the first and last four of an identity number', () => {
    expect(maskIdNumber('37010219580312124X')).toBe('3701**********124X');
    expect(maskIdNumber('123')).toBe('***');
  });

  it('keeps the first three and last four digits of a phone number', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
  });
});
