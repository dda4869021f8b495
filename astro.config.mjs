// @ts-check
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { monacoLazyCss } from './src/components/editor/monaco/vite-plugin-monaco-css.ts';
import { runWorkerBundle } from './src/integrations/run-worker-bundle.ts';

export default defineConfig({
  site: 'https://span-lab.example',
  // A section's address with its last part cut off leads to the section, not to "does not exist".
  redirects: { '/lessons': '/course/', '/reference': '/reference/lint-rules/' },
  integrations: [
    starlight({
      title: 'Span Lab',
      description:
        'An interactive course and playground on when OpenTelemetry spans should be parent and child, and when they should be linked.',
      sidebar: [
        { label: 'Course overview', link: '/course/' },
        // Each lesson orders itself with `sidebar.order` in its frontmatter.
        { label: 'Lessons', items: [{ autogenerate: { directory: 'lessons' } }] },
        { label: 'Playground', link: '/playground/' },
        { label: 'Quiz', link: '/quiz/' },
        { label: 'Reference', items: [{ label: 'Lint rules', link: '/reference/lint-rules/' }] },
      ],
      customCss: ['./src/styles/course.css'],
      // Theme scripts that survive a browser blocking storage (Starlight's throw a SecurityError).
      components: {
        ThemeProvider: './src/components/starlight/ThemeProvider.astro',
        ThemeSelect: './src/components/starlight/ThemeSelect.astro',
        // The default, plus marking a lesson read when its reader reaches its end.
        Pagination: './src/components/starlight/Pagination.astro',
        // The default, plus on a lesson the specification and conventions versions it was checked against.
        Footer: './src/components/starlight/Footer.astro',
      },
    }),
  ],
  // The playground's run worker, bundled into one script its sandboxed iframe starts.
  vite: {
    // The engine's modules have no side effects on import (`sideEffects: false` in its package.json),
    // so a page that uses two functions of its index ships nothing else of it.
    plugins: [runWorkerBundle(), monacoLazyCss()],
  },
});
