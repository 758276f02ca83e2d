/* DB Learn lesson page: rendering and page controls.
 *
 * Runs in the page's main world, in Qt WebEngine's Chromium (Qt 6.4: Chromium 102), as a classic
 * script: no modules, nothing newer than ES2021. It never talks to the app itself; lesson-bridge.js
 * does, from whichever JavaScript world holds the web channel. The two meet in the DOM:
 *   - this script adds the controls and marks <html data-decorated="true">, then highlights code
 *     and typesets math and marks <html data-rendered="true">, then draws the diagrams and marks
 *     <html data-diagrams="drawn">, each with a "dblearn:decorated" / "dblearn:rendered" /
 *     "dblearn:diagrams-drawn" event on document. Diagrams come last: the text is readable at
 *     once, and mermaid (3.5 MB of script) is loaded only when a lesson has a diagram;
 *   - lesson-bridge.js enables the controls that need the app, calls the app on real clicks, and
 *     writes the results into the page; it sends "dblearn:content-added" for code it inserted;
 *   - for the app's next lesson, lesson-bridge.js replaces <main id="lesson"> and sends
 *     "dblearn:lesson-replaced" (the anchor to show in <html data-anchor>); this script then does
 *     all of the above again, with the libraries it already has and the diagrams it already drew.
 * Every library is optional: without highlight.js, KaTeX or mermaid the page shows plain code, TeX
 * source or diagram source; without the bridge the buttons that need the app stay disabled.
 *
 * Markup from the renderer (core/lessons/lessonhtmlbuilder.cpp; what this script adds is marked +):
 *   <div class="snippet" data-snippet="snippet-1" data-engine="sqlite" data-dataset="shop">
 *     + <div class="snippet-toolbar"><span class="snippet-label">SQL · SQLite · shop</span>
 *     +   <button data-action="run-snippet">Run</button> <button data-action="open-in-console">…</button></div>
 *     <pre><code class="language-sql">…</code></pre>
 *     + <div class="snippet-result" hidden></div>
 *   </div>
 *   <pre data-engine="mongodb"><code class="language-js">…</code></pre>   (shown, not runnable here:
 *       + wrapped in <div class="snippet is-static"> with a label)
 *   <section class="exercise" data-exercise="exercise-1" data-engine=".." data-dataset=".." data-kind="query">
 *     <p class="exercise-title">Exercise 1: …</p> <div class="exercise-prompt">…</div>
 *     <textarea class="exercise-editor">starter</textarea>         (+ added when missing)
 *     + <div class="exercise-actions">[Check] [Show solution]</div> + <div class="exercise-feedback" hidden>
 *     <details class="exercise-hint"><summary>Hint 1</summary>…</details>   (each shown once the one
 *                                                                            before was opened)
 *     + <div class="exercise-solution" hidden></div>
 *   </section>
 *   <section class="quiz" data-quiz="quiz-1" data-type="single|multiple">   (one question per block)
 *     <p class="quiz-title">Question 1 <span class="quiz-kind">(choose one)</span></p>
 *     <div class="quiz-question">…the question…</div>
 *     <ul class="quiz-options"><li><button type="button" class="quiz-option" data-option="a">…</button></li></ul>
 *     + <div class="quiz-actions">[Check answer] <span class="quiz-feedback"></span></div>
 *   </section>
 *   The question unit (the element holding .quiz-options, here the section) gets data-question="0"
 *   and each option data-option-index (0-based position): the bridge gets positions, and accepts
 *   either positions or data-option ids back.
 *   <pre class="mermaid">graph TD; …</pre>   (also <pre><code class="language-mermaid">)
 *   <span class="math inline">x^2</span>, <span class="math display">…</span>   (also md4c's
 *       <x-equation>, <x-equation type="display"> and <pre><code class="language-math">)
 *
 * Functions for the app (QWebEnginePage::runJavaScript, main world):
 *   setTheme("dark" | "light"), scrollToHeading(anchor) → bool; also as window.dblearn.*,
 *   dblearnSetTheme and dblearnScrollToHeading.
 */
(function () {
    'use strict';

    const root = document.documentElement;
    const editorSelector = 'textarea.exercise-editor, textarea.exercise-answer';
    const webRoot = 'dblearn://web/';
    const mermaidSources = new Map(); // <pre class="mermaid"> → its diagram source
    const drawnDiagrams = new Map(); // theme + source → mermaid's SVG, for diagrams seen before
    const maxDrawnDiagrams = 300;
    let renderCount = 0; // unique ids for mermaid renders
    let diagramsQueue = Promise.resolve();
    let lessonCount = 0; // lessons shown by this page; a newer one stops the drawing for an older
    let pendingAnchor = null; // scrolled to again once diagrams have settled
    let anchorScroll = null; // where scrolling to pendingAnchor left the page

    const engineNames = {
        sqlite: 'SQLite',
        postgresql: 'PostgreSQL',
        postgres: 'PostgreSQL',
        mariadb: 'MariaDB',
        mysql: 'MySQL',
        duckdb: 'DuckDB',
    };

    function element(tag, className, text) {
        const el = document.createElement(tag);
        if (className)
            el.className = className;
        if (text !== undefined)
            el.textContent = text;
        return el;
    }

    function button(label, action, className, needsApp) {
        const b = element('button', className, label);
        b.type = 'button';
        b.dataset.action = action;
        if (needsApp) {
            b.dataset.needsApp = 'true';
            b.disabled = true;
            b.title = 'Available when the lesson is open in DB Learn';
        }
        return b;
    }

    function safely(what, fn) {
        try {
            return fn();
        } catch (e) {
            console.error('dblearn: ' + what + ' failed: ' + (e && e.message ? e.message : e));
            return undefined;
        }
    }

    function languageOf(code) {
        for (const c of code.classList) {
            if (c.startsWith('language-'))
                return c.slice('language-'.length).toLowerCase();
        }
        return '';
    }

    /* ---------- Decoration: the controls the renderer leaves to the page ---------- */

    function decorateSnippet(snippet) {
        if (snippet.querySelector(':scope > .snippet-toolbar'))
            return;
        const pre = snippet.querySelector(':scope > pre');
        const code = pre ? pre.querySelector('code') : null;
        const runnable = snippet.dataset.runnable !== 'false' && !!snippet.dataset.snippet;

        const toolbar = element('div', 'snippet-toolbar');
        const parts = [];
        const language = code ? languageOf(code) : '';
        if (language)
            parts.push(language.toUpperCase());
        const engine = (snippet.dataset.engine || '').toLowerCase();
        if (engine)
            parts.push(engineNames[engine] || snippet.dataset.engine);
        if (snippet.dataset.dataset)
            parts.push(snippet.dataset.dataset);
        toolbar.appendChild(element('span', 'snippet-label', parts.join(' \u00b7 ')));
        if (runnable) {
            toolbar.appendChild(button('Run', 'run-snippet', 'snippet-run primary', true));
            toolbar.appendChild(button('Open in console', 'open-in-console', 'snippet-console', true));
        }
        snippet.insertBefore(toolbar, snippet.firstChild);

        if (runnable && !snippet.querySelector(':scope > .snippet-result')) {
            const result = element('div', 'snippet-result');
            result.hidden = true;
            result.setAttribute('aria-live', 'polite');
            snippet.appendChild(result);
        }
    }

    // A code block for an engine the app cannot run here: labelled, without buttons.
    function decorateStaticCode(pre) {
        if (pre.closest('.snippet'))
            return;
        const wrapper = element('div', 'snippet is-static');
        wrapper.dataset.engine = pre.dataset.engine;
        wrapper.dataset.runnable = 'false';
        pre.parentNode.insertBefore(wrapper, pre);
        wrapper.appendChild(pre);
        decorateSnippet(wrapper);
        const label = wrapper.querySelector('.snippet-label');
        if (label)
            label.textContent += ' \u00b7 not runnable here';
    }

    function decorateExercise(exercise) {
        if (exercise.querySelector('.exercise-actions'))
            return;
        if (!exercise.querySelector('.exercise-title, .exercise-label'))
            exercise.insertBefore(element('div', 'exercise-label', 'Exercise'), exercise.firstChild);

        const hints = Array.from(exercise.querySelectorAll('.exercise-hint'));
        let editor = exercise.querySelector(editorSelector);
        if (!editor) {
            editor = element('textarea', 'exercise-editor');
            const starter = exercise.querySelector('.exercise-starter');
            editor.value = exercise.dataset.starter || (starter ? starter.textContent : '');
            if (starter)
                starter.remove();
            const before = hints.length && hints[0].parentNode === exercise ? hints[0] : null;
            exercise.insertBefore(editor, before);
            const lines = editor.value.split('\n').length;
            editor.rows = Math.min(Math.max(lines + 2, 5), 18);
        }
        editor.spellcheck = false;
        editor.setAttribute('autocapitalize', 'off');
        editor.setAttribute('autocomplete', 'off');
        if (!editor.getAttribute('aria-label'))
            editor.setAttribute('aria-label', 'Your SQL');
        if (!editor.placeholder)
            editor.placeholder = 'Write your query here';

        const actions = element('div', 'exercise-actions');
        actions.appendChild(button('Check', 'check-exercise', 'primary', true));
        const buttonHints = hints.filter(function (h) { return h.tagName !== 'DETAILS'; });
        if (buttonHints.length) {
            for (const h of buttonHints)
                h.hidden = true;
            actions.appendChild(button('Hint', 'toggle-hint', 'exercise-hint-button'));
        }
        actions.appendChild(button('Show solution', 'reveal-solution', 'link-button', true));
        actions.appendChild(element('span', 'shortcut', 'Ctrl+Enter to check'));

        // <details> hints open natively; each one appears once the one before it has been opened.
        const detailHints = hints.filter(function (h) { return h.tagName === 'DETAILS'; });
        detailHints.forEach(function (h, i) {
            if (i > 0)
                h.hidden = true;
            h.addEventListener('toggle', function () {
                if (h.open && detailHints[i + 1])
                    detailHints[i + 1].hidden = false;
            });
        });

        const feedback = element('div', 'exercise-feedback');
        feedback.hidden = true;
        feedback.setAttribute('aria-live', 'polite');
        const solution = element('div', 'exercise-solution');
        solution.hidden = true;

        editor.after(actions, feedback);
        exercise.appendChild(solution);
    }

    // The units that hold options: wrappers inside the quiz when there are several questions, else
    // the quiz itself (the renderer writes one question per quiz block).
    function quizUnits(quiz) {
        const units = [];
        for (const list of quiz.querySelectorAll('.quiz-options')) {
            const wrapper = list.parentElement.closest('.quiz-question, .quiz');
            const unit = wrapper && quiz.contains(wrapper) && wrapper.contains(list) ? wrapper : quiz;
            if (!units.includes(unit))
                units.push(unit);
        }
        return units;
    }

    function decorateQuiz(quiz) {
        const multipleQuiz = quiz.dataset.type === 'multiple';
        quizUnits(quiz).forEach(function (unit, index) {
            if (unit.dataset.question === undefined)
                unit.dataset.question = String(index);
            unit.classList.add('quiz-unit');
            const multiple = unit.dataset.multiple === 'true' || (unit === quiz && multipleQuiz);
            unit.dataset.multiple = multiple ? 'true' : 'false';
            const list = unit.querySelector('.quiz-options');
            Array.from(list.children).forEach(function (li, optionIndex) {
                let option = li.querySelector('.quiz-option');
                if (!option) {
                    option = element('button', 'quiz-option');
                    while (li.firstChild)
                        option.appendChild(li.firstChild);
                    li.appendChild(option);
                }
                option.type = 'button';
                option.dataset.optionIndex = String(optionIndex);
                option.dataset.action = multiple ? 'toggle-option' : 'choose-option';
                option.dataset.needsApp = 'true';
                option.disabled = true;
                option.setAttribute('aria-pressed', 'false');
            });
            if (unit.querySelector('.quiz-actions'))
                return;
            if (multiple && !quiz.querySelector('.quiz-kind, .quiz-hint-multiple')) {
                const prompt = unit.querySelector('.quiz-prompt, .quiz-question') || list;
                prompt.appendChild(element('span', 'quiz-hint-multiple', 'Select all that apply.'));
            }
            const actions = element('div', 'quiz-actions');
            if (multiple)
                actions.appendChild(button('Check answer', 'answer-quiz', 'primary', true));
            const feedback = element('span', 'quiz-feedback');
            feedback.setAttribute('aria-live', 'polite');
            actions.appendChild(feedback);
            list.after(actions);
        });
    }

    function decorateHeadings() {
        for (const h of document.querySelectorAll('.lesson h2[id], .lesson h3[id], .lesson h4[id]')) {
            if (h.querySelector('.heading-anchor'))
                continue;
            const a = element('a', 'heading-anchor', '#');
            a.href = '#' + h.id;
            a.setAttribute('aria-label', 'Link to this section');
            h.insertBefore(a, h.firstChild);
        }
    }

    function decorateLinks() {
        for (const a of document.querySelectorAll('.lesson a[href]')) {
            const href = a.getAttribute('href') || '';
            if (/^https?:/i.test(href)) {
                a.classList.add('external');
                a.rel = 'noopener noreferrer';
                if (!a.title)
                    a.title = href;
            }
        }
    }

    function wrapTables() {
        for (const table of document.querySelectorAll('.lesson table')) {
            if (table.classList.contains('result-table') || table.parentElement.classList.contains('table-scroll'))
                continue;
            const wrapper = element('div', 'table-scroll');
            table.parentNode.insertBefore(wrapper, table);
            wrapper.appendChild(table);
        }
    }

    // Plain fences for diagrams and math become the elements the renderers look for.
    function normaliseFences() {
        for (const code of document.querySelectorAll('pre > code.language-mermaid')) {
            const pre = code.parentElement;
            if (pre.closest('.snippet'))
                continue;
            const diagram = element('pre', 'mermaid', code.textContent);
            pre.replaceWith(diagram);
        }
        for (const code of document.querySelectorAll('pre > code.language-math')) {
            const pre = code.parentElement;
            if (pre.closest('.snippet'))
                continue;
            pre.replaceWith(element('div', 'math display', code.textContent));
        }
        for (const eq of document.querySelectorAll('x-equation')) {
            const display = eq.getAttribute('type') === 'display';
            eq.replaceWith(element(display ? 'div' : 'span', display ? 'math display' : 'math inline', eq.textContent));
        }
    }

    function decorate() {
        safely('fences', normaliseFences);
        for (const s of document.querySelectorAll('.snippet'))
            safely('snippet', function () { decorateSnippet(s); });
        for (const pre of document.querySelectorAll('.lesson pre[data-engine]'))
            safely('code', function () { decorateStaticCode(pre); });
        for (const e of document.querySelectorAll('.exercise'))
            safely('exercise', function () { decorateExercise(e); });
        for (const q of document.querySelectorAll('.quiz'))
            safely('quiz', function () { decorateQuiz(q); });
        safely('headings', decorateHeadings);
        safely('links', decorateLinks);
        safely('tables', wrapTables);
        root.dataset.decorated = 'true';
        document.dispatchEvent(new CustomEvent('dblearn:decorated'));
    }

    /* ---------- Code highlighting ---------- */

    const maxHighlightChars = 100000;
    let hljsConfigured = false;

    function configureHighlighter() {
        if (hljsConfigured || !window.hljs)
            return !!window.hljs;
        hljsConfigured = true;
        window.hljs.configure({ ignoreUnescapedHTML: true, throwUnescapedHTML: false });
        const aliases = {
            sql: ['sqlite', 'mysql', 'mariadb', 'tsql', 'plsql', 'cql', 'hiveql', 'sparksql', 'duckdb'],
            pgsql: ['psql', 'plpgsql'],
            javascript: ['mongodb', 'mongosh', 'mongo'],
            json: ['jsonc', 'json5', 'jsonl', 'ndjson'],
            plaintext: ['text', 'txt', 'output', 'result'],
            bash: ['sh', 'zsh'],
        };
        for (const name of Object.keys(aliases)) {
            if (window.hljs.getLanguage(name))
                window.hljs.registerAliases(aliases[name], { languageName: name });
        }
        return true;
    }

    function highlightWithin(scope) {
        if (!configureHighlighter())
            return;
        for (const code of scope.querySelectorAll('pre > code')) {
            if (code.dataset.highlighted === 'yes' || code.classList.contains('hljs'))
                continue;
            const language = languageOf(code);
            if (!language || language === 'mermaid' || language === 'math')
                continue;
            if (!window.hljs.getLanguage(language) || code.textContent.length > maxHighlightChars) {
                code.classList.add('hljs');
                continue;
            }
            safely('highlighting', function () { window.hljs.highlightElement(code); });
        }
    }

    /* ---------- Math ---------- */

    function stripDelimiters(tex) {
        const t = tex.trim();
        const pairs = [['$$', '$$'], ['\\[', '\\]'], ['\\(', '\\)'], ['$', '$']];
        for (const pair of pairs) {
            if (t.length > pair[0].length + pair[1].length && t.startsWith(pair[0]) && t.endsWith(pair[1]))
                return t.slice(pair[0].length, t.length - pair[1].length).trim();
        }
        return t;
    }

    function renderMath() {
        if (!window.katex)
            return;
        for (const el of document.querySelectorAll('.math.inline, .math.display')) {
            if (el.classList.contains('is-rendered'))
                continue;
            const tex = stripDelimiters(el.textContent);
            safely('math', function () {
                window.katex.render(tex, el, {
                    displayMode: el.classList.contains('display'),
                    throwOnError: false,
                    strict: 'ignore',
                    trust: false,
                    maxExpand: 1000,
                    maxSize: 50,
                    output: 'htmlAndMathml',
                });
                el.classList.add('is-rendered');
                el.setAttribute('data-tex', tex);
            });
        }
    }

    /* ---------- Libraries a lesson needs ---------- */

    // Each library is fetched once per page, from the app's own scheme (the page's policy allows
    // no other). A page load brings highlight.js, and KaTeX when the lesson has math, in its head;
    // a lesson delivered later asks for what is still missing. Mermaid always comes this way.
    const loading = new Map(); // URL → Promise

    function loadOnce(url, make) {
        if (!loading.has(url)) {
            loading.set(url, new Promise(function (resolve, reject) {
                const el = make(url);
                el.addEventListener('load', function () { resolve(); }, { once: true });
                el.addEventListener('error', function () { reject(new Error('could not load ' + url)); }, { once: true });
                document.head.appendChild(el);
            }));
        }
        return loading.get(url);
    }

    function loadScript(path) {
        return loadOnce(webRoot + path, function (url) {
            const script = document.createElement('script');
            script.src = url;
            script.async = false; // in the order asked for: a language after highlight.js
            return script;
        });
    }

    function loadStylesheet(path) {
        const href = webRoot + path;
        // One in the page's head is loaded before any deferred script runs.
        if (!loading.has(href) && Array.from(document.querySelectorAll('link[rel="stylesheet"]')).some(function (l) { return l.href === href; }))
            loading.set(href, Promise.resolve());
        return loadOnce(href, function (url) {
            const link = document.createElement('link');
            link.rel = 'stylesheet';
            link.href = url;
            return link;
        });
    }

    // Resolves once the page has drawn a frame since (two animation frames), or after a while for
    // a page that is not shown and gets none.
    function afterPaint() {
        return new Promise(function (resolve) {
            let done = false;
            const finish = function () {
                if (!done) {
                    done = true;
                    resolve();
                }
            };
            requestAnimationFrame(function () { requestAnimationFrame(finish); });
            setTimeout(finish, 250);
        });
    }

    function pageLoaded() {
        if (document.readyState === 'complete')
            return Promise.resolve();
        return new Promise(function (resolve) { window.addEventListener('load', resolve, { once: true }); });
    }

    // SQL comes highlighted by the app (class "hljs"): highlight.js is loaded for other code only.
    async function ensureHighlighter(scope) {
        if (window.hljs || !(scope || document).querySelector('pre > code[class*="language-"]:not(.hljs)'))
            return;
        await Promise.all([loadScript('vendor/highlight/highlight.min.js'),
            loadScript('vendor/highlight/languages/pgsql.min.js'),
            loadScript('vendor/highlight/languages/dockerfile.min.js')]);
    }

    // Math rendered by the app ahead of time (class "is-rendered") needs KaTeX's stylesheet only.
    async function ensureMath() {
        if (!document.querySelector('.math.inline, .math.display'))
            return;
        const wanted = [loadStylesheet('vendor/katex/katex.min.css')];
        if (!window.katex && document.querySelector('.math.inline:not(.is-rendered), .math.display:not(.is-rendered)'))
            wanted.push(loadScript('vendor/katex/katex.min.js'));
        await Promise.all(wanted);
    }

    /* ---------- Diagrams ---------- */

    function mermaidConfig() {
        const dark = root.dataset.theme === 'dark';
        return {
            startOnLoad: false,
            securityLevel: 'strict',
            theme: dark ? 'dark' : 'default',
            suppressErrorRendering: true,
            fontFamily: getComputedStyle(document.body).fontFamily,
            flowchart: { useMaxWidth: true },
            sequence: { useMaxWidth: true },
        };
    }

    function sourceOf(pre) {
        if (!mermaidSources.has(pre))
            mermaidSources.set(pre, pre.textContent);
        return mermaidSources.get(pre);
    }

    function diagramKey(source) {
        return (root.dataset.theme === 'dark' ? 'dark' : 'light') + '\n' + source;
    }

    function showDiagram(pre, svg) {
        // mermaid's own output, sanitised by it under securityLevel 'strict'.
        pre.innerHTML = svg;
        pre.classList.add('is-rendered');
        pre.classList.remove('has-error');
        pre.removeAttribute('aria-busy');
        const drawn = pre.querySelector('svg');
        if (drawn) {
            drawn.setAttribute('role', 'img');
            if (!drawn.getAttribute('aria-label'))
                drawn.setAttribute('aria-label', 'Diagram');
        }
    }

    // Diagrams drawn before, in this theme (in an earlier lesson, or this one seen before), go in
    // at once, before the lesson is shown.
    function placeDrawnDiagrams() {
        for (const pre of document.querySelectorAll('pre.mermaid:not(.is-rendered)')) {
            const svg = drawnDiagrams.get(diagramKey(sourceOf(pre)));
            if (svg !== undefined)
                showDiagram(pre, svg);
        }
    }

    async function renderDiagram(pre) {
        const source = sourceOf(pre);
        const key = diagramKey(source);
        if (drawnDiagrams.has(key)) {
            showDiagram(pre, drawnDiagrams.get(key));
            return;
        }
        const id = 'dblearn-diagram-' + ++renderCount;
        try {
            const result = await window.mermaid.render(id, source);
            if (drawnDiagrams.size >= maxDrawnDiagrams)
                drawnDiagrams.delete(drawnDiagrams.keys().next().value);
            drawnDiagrams.set(key, result.svg);
            if (!pre.isConnected)
                return; // its lesson was replaced while it was drawn
            showDiagram(pre, result.svg);
            if (typeof result.bindFunctions === 'function')
                result.bindFunctions(pre);
        } catch (e) {
            if (!pre.isConnected)
                return;
            pre.classList.remove('is-rendered');
            pre.classList.add('has-error');
            pre.textContent = '';
            pre.appendChild(element('span', 'diagram-error',
                'This diagram could not be drawn: ' + (e && e.message ? e.message.split('\n')[0] : String(e))));
            pre.appendChild(document.createTextNode(source));
        } finally {
            // mermaid leaves its measuring element behind when a render fails.
            const leftover = document.getElementById('d' + id);
            if (leftover)
                leftover.remove();
        }
    }

    // Draws every diagram of the lesson on the page (all of them again after a theme change),
    // one after another; a lesson that replaced this one stops the rest.
    function renderDiagrams(lesson) {
        const diagrams = Array.from(document.querySelectorAll('pre.mermaid'));
        if (!diagrams.length)
            return diagramsQueue;
        diagramsQueue = diagramsQueue.then(async function () {
            if (lesson !== lessonCount)
                return;
            if (!window.mermaid) {
                for (const pre of diagrams)
                    pre.setAttribute('aria-busy', 'true');
                await pageLoaded(); // mermaid's script would hold back the page's load event
                try {
                    await loadScript('vendor/mermaid/mermaid.min.js');
                } catch (e) {
                    console.error('dblearn: ' + e.message + '; diagrams stay as text');
                }
                if (!window.mermaid) {
                    for (const pre of diagrams)
                        pre.removeAttribute('aria-busy');
                    return;
                }
            }
            try {
                window.mermaid.initialize(mermaidConfig());
            } catch (e) {
                console.error('dblearn: mermaid.initialize failed: ' + e.message);
                return;
            }
            for (const pre of diagrams) {
                if (lesson !== lessonCount)
                    return;
                await renderDiagram(pre);
            }
        }).catch(function (e) {
            console.error('dblearn: diagrams failed: ' + (e && e.message ? e.message : e));
        });
        return diagramsQueue;
    }

    /* ---------- Controls that need no app ---------- */

    function onLocalClick(event) {
        const target = event.target instanceof Element ? event.target : null;
        if (!target)
            return;

        const link = target.closest('a[href^="#"]');
        if (link) {
            // In-page links scroll here; they never become navigations the app has to refuse.
            event.preventDefault();
            scrollToHeading(link.getAttribute('href').slice(1));
            return;
        }

        const b = target.closest('button[data-action]');
        if (!b || b.disabled)
            return;
        switch (b.dataset.action) {
        case 'toggle-hint': {
            const exercise = b.closest('.exercise');
            const hint = exercise && exercise.querySelector('.exercise-hint');
            if (hint) {
                hint.hidden = !hint.hidden;
                b.textContent = hint.hidden ? 'Hint' : 'Hide hint';
                b.setAttribute('aria-expanded', String(!hint.hidden));
            }
            break;
        }
        case 'toggle-option':
            b.setAttribute('aria-pressed', b.getAttribute('aria-pressed') === 'true' ? 'false' : 'true');
            break;
        case 'choose-option': {
            const unit = b.closest('[data-question]');
            if (unit) {
                for (const o of unit.querySelectorAll('.quiz-option'))
                    o.setAttribute('aria-pressed', o === b ? 'true' : 'false');
            }
            break;
        }
        case 'close-result': {
            const result = b.closest('.snippet-result');
            if (result) {
                result.hidden = true;
                result.textContent = '';
            }
            break;
        }
        case 'use-solution': {
            const exercise = b.closest('.exercise');
            const answer = exercise && exercise.querySelector(editorSelector);
            const code = exercise && exercise.querySelector('.exercise-solution code');
            if (answer && code) {
                answer.value = code.textContent;
                answer.focus();
            }
            break;
        }
        default:
            break;
        }
    }

    /* ---------- A long lesson's lead first ---------- */

    // The app sends a long lesson with all but its lead in a hidden <div id="lesson-later">
    // (RenderedLesson::pageBodyHtml(leadBytes)): the first frame styles and lays out one screen of it.
    // The rest joins the page once the lead is on screen, as if it had been there all along.
    function revealLater() {
        const later = document.getElementById('lesson-later');
        if (!later)
            return;
        const rest = document.createDocumentFragment();
        while (later.firstChild)
            rest.appendChild(later.firstChild);
        later.replaceWith(rest);
    }

    // Whether the lead reaches below the window (else the rest goes in before the first frame).
    function leadFillsWindow() {
        const later = document.getElementById('lesson-later');
        const lead = later ? later.previousElementSibling : null;
        return !!lead && lead.getBoundingClientRect().bottom >= window.innerHeight;
    }

    /* ---------- Functions for the app ---------- */

    function scrollToHeading(anchor) {
        let id = String(anchor || '');
        if (id.startsWith('#'))
            id = id.slice(1);
        try {
            id = decodeURIComponent(id);
        } catch (e) {
            // keep it as given
        }
        revealLater();
        const target = id ? document.getElementById(id) : null;
        if (!target)
            return false;
        target.scrollIntoView({ block: 'start' });
        target.classList.remove('is-target');
        void target.offsetWidth; // restart the highlight animation
        target.classList.add('is-target');
        if (root.dataset.diagrams !== 'drawn') {
            pendingAnchor = id; // diagrams drawn above it will move it down
            anchorScroll = window.scrollY;
        }
        return true;
    }

    // Back to the anchor once the diagrams are drawn, unless the learner has scrolled since.
    function settleAnchor() {
        const id = pendingAnchor;
        pendingAnchor = null;
        if (!id || window.scrollY !== anchorScroll)
            return;
        const target = document.getElementById(id);
        if (target)
            target.scrollIntoView({ block: 'start' });
    }

    function setTheme(name) {
        const theme = name === 'dark' ? 'dark' : 'light';
        if (root.dataset.theme === theme)
            return theme;
        root.dataset.theme = theme;
        if (window.mermaid && mermaidSources.size)
            renderDiagrams(lessonCount);
        return theme;
    }

    const api = Object.freeze({ setTheme: setTheme, scrollToHeading: scrollToHeading });
    window.dblearn = api;
    window.setTheme = setTheme;
    window.scrollToHeading = scrollToHeading;
    window.dblearnSetTheme = setTheme;
    window.dblearnScrollToHeading = scrollToHeading;

    /* ---------- Start ---------- */

    // Shows the lesson in <main id="lesson">: the page's first, or one lesson-bridge.js put there.
    async function showLesson() {
        const lesson = ++lessonCount;
        pendingAnchor = null;
        mermaidSources.clear();
        root.dataset.diagrams = 'pending';
        decorate();
        placeDrawnDiagrams();
        try {
            await Promise.all([ensureHighlighter(), ensureMath()]);
        } catch (e) {
            console.error('dblearn: ' + e.message);
        }
        if (lesson !== lessonCount)
            return;
        safely('highlighting', function () { highlightWithin(document); });
        safely('math', renderMath);
        // Shown means shown in its fonts (KaTeX's, for math), not in a fallback for a frame.
        if (document.fonts && document.fonts.status === 'loading') {
            await document.fonts.ready;
            if (lesson !== lessonCount)
                return;
        }

        const anchor = root.dataset.anchor || (lesson === 1 && location.hash ? location.hash.slice(1) : '');
        delete root.dataset.anchor;
        if (anchor || !leadFillsWindow())
            revealLater();
        root.dataset.rendered = 'true';
        if (anchor)
            scrollToHeading(anchor);
        document.dispatchEvent(new CustomEvent('dblearn:rendered'));

        // The text on screen first: mermaid (loading, or drawing) would hold back that frame.
        await afterPaint();
        if (lesson !== lessonCount)
            return;
        revealLater();
        await renderDiagrams(lesson);
        if (lesson !== lessonCount)
            return;
        root.dataset.diagrams = 'drawn';
        settleAnchor();
        document.dispatchEvent(new CustomEvent('dblearn:diagrams-drawn'));
    }

    function start() {
        document.addEventListener('click', onLocalClick);
        // Code that lesson-bridge.js inserts (a revealed solution) is highlighted here, where
        // highlight.js lives.
        document.addEventListener('dblearn:content-added', function (event) {
            const scope = event.target instanceof Element ? event.target : document;
            ensureHighlighter(scope).catch(function (e) { console.error('dblearn: ' + e.message); }).then(function () {
                safely('highlighting', function () { highlightWithin(scope); });
            });
        });
        document.addEventListener('dblearn:lesson-replaced', function () { showLesson(); });
        showLesson();
    }

    if (document.readyState === 'loading')
        document.addEventListener('DOMContentLoaded', start, { once: true });
    else
        start();
})();
