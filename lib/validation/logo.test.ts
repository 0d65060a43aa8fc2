import { describe, expect, it } from 'vitest';
import { detectLogoType, LOGO_MAX_BYTES, logoProblem } from './logo.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

describe('logo rules', () => {
  it('recognises PNG, JPEG and WebP by their first bytes', () => {
    expect(detectLogoType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(detectLogoType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(detectLogoType(bytes(...ascii('RIFF'), 1, 2, 3, 4, ...ascii('WEBPVP8 ')))).toBe('image/webp');
  });

  it('refuses SVG, HTML and anything else whatever the file is called', () => {
    expect(detectLogoType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'))).toBeNull();
    expect(detectLogoType(new TextEncoder().encode('<!doctype html>'))).toBeNull();
    expect(detectLogoType(bytes(...ascii('RIFF'), 1, 2, 3, 4, ...ascii('WAVE')))).toBeNull();
    expect(detectLogoType(bytes())).toBeNull();
  });

  it('explains what to do about an empty, oversized or unsupported file', () => {
    expect(logoProblem({ size: 0 }, null)).toMatch(/Choose an image/);
    expect(logoProblem({ size: LOGO_MAX_BYTES + 1 }, null)).toMatch(/at most 256 KB/);
    expect(logoProblem({ size: 10 }, bytes(0x3c, 0x73))).toMatch(/PNG, JPEG or WebP/);
    expect(logoProblem({ size: 4 }, bytes(0xff, 0xd8, 0xff, 0xe0))).toBeNull();
  });
});
