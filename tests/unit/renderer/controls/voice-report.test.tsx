import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useVoiceReport, voiceReportWaitMs } from '../../../../renderer/src/kiosk/controls/read-aloud/use-voice-report';
import type { LanguageInfo } from '../../../../shared/bootstrap';
import type { LobbyApi } from '../../../../shared/contract';
import { FakeSpeechSynthesis, FakeUtterance, voice } from './support/fake-speech';

const languages: LanguageInfo[] = ['en', 'es', 'ar', 'vi'].map((code) => ({ code, nativeName: code, dir: code === 'ar' ? 'rtl' : 'ltr' }));
let engine: FakeSpeechSynthesis;
let reports: unknown[];
let api: LobbyApi;

beforeEach(() => {
  vi.useFakeTimers();
  engine = new FakeSpeechSynthesis();
  vi.stubGlobal('speechSynthesis', engine);
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
  reports = [];
  api = {
    'app.reportVoices': (input: unknown) => {
      reports.push(input);
      return Promise.resolve({ recorded: true });
    },
  } as unknown as LobbyApi;
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the kiosk tells main which screen languages it can read aloud', () => {
  it('once the voices load, naming only the languages that have one', () => {
    renderHook(() => useVoiceReport(api, languages));
    expect(reports).toEqual([]);
    act(() => engine.loadVoices([voice('en-US'), voice('es_MX'), voice('fr-FR')]));
    expect(reports).toEqual([{ withVoice: ['en', 'es'] }]);
    act(() => engine.loadVoices([voice('en-US'), voice('vi-VN')]));
    vi.advanceTimersByTime(voiceReportWaitMs);
    expect(reports).toHaveLength(1);
  });

  it('at once when the voices are already there', () => {
    engine.voices = [voice('ar-SA')];
    renderHook(() => useVoiceReport(api, languages));
    expect(reports).toEqual([{ withVoice: ['ar'] }]);
  });

  it('after a wait when no voice ever comes, as on Linux without speech-dispatcher', () => {
    renderHook(() => useVoiceReport(api, languages));
    vi.advanceTimersByTime(voiceReportWaitMs - 1);
    expect(reports).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(reports).toEqual([{ withVoice: [] }]);
  });

  it('where the browser has no speech at all', () => {
    Reflect.deleteProperty(window, 'speechSynthesis');
    vi.stubGlobal('speechSynthesis', undefined);
    renderHook(() => useVoiceReport(api, languages));
    vi.advanceTimersByTime(voiceReportWaitMs);
    expect(reports).toEqual([{ withVoice: [] }]);
  });
});
