/* DB Learn lesson page: the connection to the app.
 *
 * The app registers one QWebChannel object, "lessonBridge", in the application world, an isolated
 * world of its own: it injects Qt's qwebchannel.js and this script there, concatenated, with
 * QWebEngineScript when the document is created. The page never loads either, and its scripts in
 * the main world never see the bridge or the channel's transport. The DOM is shared:
 * lesson.js builds the controls, this script enables them, acts on the learner's real clicks only
 * (event.isTrusted: a script cannot press the buttons), and writes results with textContent.
 *
 * Bridge (ids only, never SQL text, except the learner's own exercise answer):
 *   runSnippet(id)                         → snippetResult(id, json {ok, columns, rows, rowCount,
 *                                                                      truncated, error, elapsedMs})
 *   openInConsole(id)
 *   openWorksheet(templateId)              the lesson's ```worksheet card
 *   checkExercise(id, learnerSql)          → exerciseResult(id, json {passed, message, details})
 *   revealSolution(id)                     → solutionRevealed(id, sql)
 *   answerQuiz(quizId, question, [options])→ quizResult(quizId, question, json {correct,
 *                                                          explanations: {option: text}, correctOptions})
 *       question: 0-based index of the question in the quiz block (0 when it holds one);
 *       options: 0-based positions of the chosen options. In the result, options may be given by
 *       position or by the renderer's data-option id ("a", "b", ...).
 *   pageReady(generation)                  once the lesson's text, code and math are on the page
 *   diagramsDrawn(generation)              once its diagrams are drawn too (after pageReady)
 *       generation: 0 for a lesson the page was loaded with, else the one its lessonDelivered carried.
 * From the app:
 *   lessonDelivered(json {generation, url, title, html, anchor})
 *       Another lesson, shown in this page without a new page load: the page keeps its scripts,
 *       its libraries and its drawn diagrams. html is the renderer's output for <main id="lesson">,
 *       the same markup a page load would carry. url is the lesson's own dblearn://lesson/ URL:
 *       its relative links and images are resolved against it before they go in (the page keeps
 *       the URL it was loaded with; a dblearn: page may change only its fragment).
 * Methods the app does not offer leave their buttons disabled.
 */
(function () {
    'use strict';

    const transport = typeof qt !== 'undefined' && qt ? qt.webChannelTransport : undefined;
    if (!transport || typeof QWebChannel !== 'function')
        return; // not in the app's world (a page opened outside the app)

    const runTimeoutMs = 120000; // give the Run button back if the app never answers
    const actionMethods = {
        'run-snippet': 'runSnippet',
        'open-in-console': 'openInConsole',
        'open-worksheet': 'openWorksheet',
        'check-exercise': 'checkExercise',
        'reveal-solution': 'revealSolution',
        'choose-option': 'answerQuiz',
        'toggle-option': 'answerQuiz',
        'answer-quiz': 'answerQuiz',
    };

    const editorSelector = 'textarea.exercise-editor, textarea.exercise-answer';
    let bridge = null;
    let readySent = false;     // pageReady asked for (it follows after two frames)
    let readyCalled = false;   // pageReady sent to the app
    let diagramsSent = false;
    let diagramsWaiting = false; // drawn before pageReady went out: sent right after it
    let generation = 0; // of the lesson on the page; see lessonDelivered
    const runTimers = new Map();

    // The handshake with the app starts at once: the app injects this script when the document is
    // created, so the round trip overlaps the page's loading. The page is wired up once its DOM is
    // there and the channel is open.
    function start() {
        // eslint-disable-next-line no-undef
        new QWebChannel(transport, function (channel) {
            bridge = channel.objects.lessonBridge || null;
            if (document.readyState === 'loading')
                document.addEventListener('DOMContentLoaded', wire, { once: true });
            else
                wire();
        });
    }

    function wire() {
        const root = document.documentElement;
        if (!bridge) {
            root.dataset.bridge = 'absent';
            return;
        }
        if (root.dataset.bridge === 'connected')
            return; // another world already holds the bridge
        connectSignal('snippetResult', onSnippetResult);
        connectSignal('exerciseResult', onExerciseResult);
        connectSignal('solutionRevealed', onSolutionRevealed);
        connectSignal('quizResult', onQuizResult);
        connectSignal('lessonDelivered', onLessonDelivered);
        document.addEventListener('click', onClick);
        document.addEventListener('keydown', onKeyDown);
        // lesson.js sends these once per lesson: for the page's first lesson and for each one
        // delivered after it.
        document.addEventListener('dblearn:decorated', enableControls);
        document.addEventListener('dblearn:rendered', sendReady);
        document.addEventListener('dblearn:diagrams-drawn', sendDiagramsDrawn);
        root.dataset.bridge = 'connected';

        if (root.dataset.decorated === 'true')
            enableControls();
        if (root.dataset.rendered === 'true')
            sendReady();
        if (root.dataset.diagrams === 'drawn')
            sendDiagramsDrawn();
    }

    function connectSignal(name, handler) {
        if (bridge[name] && typeof bridge[name].connect === 'function')
            bridge[name].connect(handler);
    }

    function has(method) {
        return !!bridge && typeof bridge[method] === 'function';
    }

    function call(method) {
        if (!has(method))
            return false;
        bridge[method].apply(bridge, Array.prototype.slice.call(arguments, 1));
        return true;
    }

    // Ready once the lesson is on screen: two animation frames after lesson.js showed it (the first
    // runs before the frame with the lesson is drawn, the second once that frame was handed on).
    // A page that is not shown gets no animation frames; a timer stands in for them.
    function sendReady() {
        if (readySent)
            return;
        readySent = true;
        const shown = generation;
        let sent = false;
        const send = function () {
            if (sent || shown !== generation)
                return;
            sent = true;
            readyCalled = true;
            call('pageReady', shown);
            if (diagramsWaiting) {
                diagramsWaiting = false;
                call('diagramsDrawn', shown);
            }
        };
        requestAnimationFrame(function () { requestAnimationFrame(send); });
        setTimeout(send, 250);
    }

    function sendDiagramsDrawn() {
        if (diagramsSent)
            return;
        diagramsSent = true;
        if (readyCalled)
            call('diagramsDrawn', generation);
        else
            diagramsWaiting = true; // the app hears of the diagrams after the lesson
    }

    // The app's next lesson, put in place of the current one. lesson.js (in the page's world) then
    // decorates, highlights, typesets and draws it, as after a page load.
    function onLessonDelivered(json) {
        const lesson = parse(json);
        const main = document.getElementById('lesson');
        if (!main || typeof lesson.html !== 'string' || !Number.isInteger(lesson.generation))
            return;
        let base = null;
        try {
            base = new URL(String(lesson.url));
        } catch (e) {
            return;
        }
        // Parsed inert (a template's images do not load, nothing runs), then made absolute.
        const template = document.createElement('template');
        template.innerHTML = lesson.html;
        for (const el of template.content.querySelectorAll('[href], [src]')) {
            for (const name of ['href', 'src']) {
                const value = el.getAttribute(name);
                if (value === null || value.startsWith('#'))
                    continue;
                try {
                    el.setAttribute(name, new URL(value, base).href);
                } catch (e) {
                    el.removeAttribute(name);
                }
            }
        }
        const root = document.documentElement;
        for (const timer of runTimers.values())
            clearTimeout(timer);
        runTimers.clear();
        generation = lesson.generation;
        readySent = false;
        readyCalled = false;
        diagramsSent = false;
        diagramsWaiting = false;
        document.title = typeof lesson.title === 'string' ? lesson.title : '';
        root.dataset.decorated = 'false';
        root.dataset.rendered = 'false';
        root.dataset.diagrams = 'pending';
        root.dataset.anchor = typeof lesson.anchor === 'string' ? lesson.anchor : '';
        main.replaceChildren(template.content);
        window.scrollTo(0, 0);
        document.dispatchEvent(new CustomEvent('dblearn:lesson-replaced'));
    }

    function enableControls() {
        for (const b of document.querySelectorAll('button[data-needs-app="true"]')) {
            const method = actionMethods[b.dataset.action];
            if (!method || !has(method))
                continue;
            if (b.closest('[data-question].is-answered'))
                continue;
            b.disabled = false;
            b.removeAttribute('title');
        }
    }

    function parse(json) {
        if (json && typeof json === 'object')
            return json;
        try {
            const value = JSON.parse(String(json));
            return value && typeof value === 'object' ? value : {};
        } catch (e) {
            return { ok: false, error: 'The app sent a result the page cannot read.' };
        }
    }

    function byData(selector, key, value) {
        // Compares data attributes instead of building selectors from ids.
        for (const el of document.querySelectorAll(selector)) {
            if (el.dataset[key] === value)
                return el;
        }
        return null;
    }

    function element(tag, className, text) {
        const el = document.createElement(tag);
        if (className)
            el.className = className;
        if (text !== undefined)
            el.textContent = text;
        return el;
    }

    function smallButton(label, action) {
        const b = element('button', 'link-button', label);
        b.type = 'button';
        b.dataset.action = action;
        return b;
    }

    function plural(n, one, many) {
        return n + ' ' + (n === 1 ? one : many);
    }

    /* ---------- Clicks (real ones only) ---------- */

    function onClick(event) {
        if (!event.isTrusted)
            return;
        const target = event.target instanceof Element ? event.target : null;
        const b = target ? target.closest('button[data-action]') : null;
        if (!b || b.disabled)
            return;
        switch (b.dataset.action) {
        case 'run-snippet':
            runSnippet(b);
            break;
        case 'open-in-console': {
            const snippet = b.closest('.snippet');
            if (snippet && snippet.dataset.snippet)
                call('openInConsole', snippet.dataset.snippet);
            break;
        }
        case 'open-worksheet': {
            const card = b.closest('.worksheet-link');
            if (card && card.dataset.template)
                call('openWorksheet', card.dataset.template);
            break;
        }
        case 'check-exercise':
            checkExercise(b.closest('.exercise'));
            break;
        case 'reveal-solution': {
            const exercise = b.closest('.exercise');
            if (exercise && exercise.dataset.exercise)
                call('revealSolution', exercise.dataset.exercise);
            break;
        }
        case 'choose-option':
            answerQuestion(b.closest('[data-question]'), [Number(b.dataset.optionIndex)]);
            break;
        case 'answer-quiz': {
            const question = b.closest('[data-question]');
            if (!question)
                break;
            const chosen = [];
            for (const o of question.querySelectorAll('.quiz-option[aria-pressed="true"]'))
                chosen.push(Number(o.dataset.optionIndex));
            if (!chosen.length) {
                setQuizFeedback(question, 'Choose at least one answer.', '');
                break;
            }
            answerQuestion(question, chosen);
            break;
        }
        default:
            break;
        }
    }

    function onKeyDown(event) {
        if (!event.isTrusted || event.key !== 'Enter' || !(event.ctrlKey || event.metaKey))
            return;
        const target = event.target instanceof Element ? event.target : null;
        if (target && target.matches(editorSelector)) {
            event.preventDefault();
            checkExercise(target.closest('.exercise'));
        }
    }

    /* ---------- Snippets ---------- */

    function resultArea(snippet) {
        let area = snippet.querySelector(':scope > .snippet-result');
        if (!area) {
            area = element('div', 'snippet-result');
            area.setAttribute('aria-live', 'polite');
            snippet.appendChild(area);
        }
        return area;
    }

    function resultHeader(status) {
        const header = element('div', 'snippet-result-header');
        header.appendChild(element('span', 'status-line', status));
        return header;
    }

    function runSnippet(b) {
        const snippet = b.closest('.snippet');
        const id = snippet ? snippet.dataset.snippet : '';
        if (!id || !has('runSnippet'))
            return;
        const area = resultArea(snippet);
        area.hidden = false;
        area.className = 'snippet-result is-running';
        area.setAttribute('aria-busy', 'true');
        area.replaceChildren(resultHeader('Running\u2026'));
        b.disabled = true;
        b.textContent = 'Running\u2026';
        clearTimeout(runTimers.get(id));
        runTimers.set(id, setTimeout(function () { restoreRunButton(snippet); }, runTimeoutMs));
        call('runSnippet', id);
    }

    function restoreRunButton(snippet) {
        const b = snippet.querySelector('button[data-action="run-snippet"]');
        if (b) {
            b.disabled = false;
            b.textContent = 'Run';
        }
        runTimers.delete(snippet.dataset.snippet);
    }

    function cellText(value) {
        if (value === null || value === undefined)
            return null;
        if (typeof value === 'object')
            return JSON.stringify(value);
        return String(value);
    }

    function buildTable(columns, rows) {
        const table = element('table', 'result-table');
        const thead = element('thead');
        const headRow = element('tr');
        headRow.appendChild(element('th', 'row-number', '#'));
        for (const c of columns) {
            const name = c && typeof c === 'object' ? c.name : c;
            const th = element('th', '', cellText(name) || '');
            if (c && typeof c === 'object' && c.type)
                th.title = String(c.type);
            headRow.appendChild(th);
        }
        thead.appendChild(headRow);
        table.appendChild(thead);

        const tbody = element('tbody');
        rows.forEach(function (row, index) {
            const tr = element('tr');
            tr.appendChild(element('td', 'row-number', String(index + 1)));
            const cells = Array.isArray(row) ? row : [row];
            for (let i = 0; i < Math.max(columns.length, cells.length); ++i) {
                const value = cells[i];
                const text = cellText(value);
                const td = element('td');
                if (text === null) {
                    td.className = 'null';
                    td.textContent = 'NULL';
                } else {
                    td.textContent = text;
                    if (typeof value === 'number' || typeof value === 'bigint')
                        td.className = 'num';
                    if (text.length > 40)
                        td.title = text.length > 2000 ? text.slice(0, 2000) + '\u2026' : text;
                }
                tr.appendChild(td);
            }
            tbody.appendChild(tr);
        });
        table.appendChild(tbody);
        return table;
    }

    function onSnippetResult(id, json) {
        const snippet = byData('.snippet', 'snippet', String(id));
        if (!snippet)
            return;
        clearTimeout(runTimers.get(snippet.dataset.snippet));
        restoreRunButton(snippet);

        const result = parse(json);
        const area = resultArea(snippet);
        area.hidden = false;
        area.removeAttribute('aria-busy');
        const timing = typeof result.elapsedMs === 'number' ? ' \u00b7 ' + Math.round(result.elapsedMs) + ' ms' : '';

        if (!result.ok) {
            area.className = 'snippet-result is-error';
            const header = resultHeader('Failed' + timing);
            header.appendChild(smallButton('Close', 'close-result'));
            area.replaceChildren(header, element('pre', 'result-error', String(result.error || 'Unknown error')));
            return;
        }

        area.className = 'snippet-result is-ok';
        const columns = Array.isArray(result.columns) ? result.columns : [];
        const rows = Array.isArray(result.rows) ? result.rows : [];
        const rowCount = typeof result.rowCount === 'number' ? result.rowCount : rows.length;
        let status;
        if (!columns.length)
            status = 'Done' + (rowCount ? ', ' + plural(rowCount, 'row', 'rows') + ' affected' : '');
        else if (result.truncated || rowCount > rows.length)
            status = plural(rowCount, 'row', 'rows') + ', first ' + rows.length + ' shown';
        else
            status = plural(rows.length, 'row', 'rows');
        if (result.truncated && typeof result.rowCount !== 'number')
            status = 'First ' + plural(rows.length, 'row', 'rows') + ' shown';
        const header = resultHeader(status + timing);
        header.appendChild(smallButton('Close', 'close-result'));

        if (!columns.length) {
            area.replaceChildren(header);
            return;
        }
        const scroll = element('div', 'result-scroll');
        scroll.appendChild(buildTable(columns, rows));
        area.replaceChildren(header, scroll);
    }

    /* ---------- Exercises ---------- */

    function checkExercise(exercise) {
        if (!exercise || !exercise.dataset.exercise || !has('checkExercise'))
            return;
        const answer = exercise.querySelector(editorSelector);
        const sql = answer ? answer.value : '';
        const feedback = exercise.querySelector('.exercise-feedback');
        if (!sql.trim()) {
            showFeedback(exercise, { passed: false, message: 'Write a query first.' });
            return;
        }
        if (feedback) {
            feedback.hidden = false;
            feedback.className = 'exercise-feedback is-checking';
            feedback.replaceChildren(element('p', 'feedback-message', 'Checking\u2026'));
        }
        call('checkExercise', exercise.dataset.exercise, sql);
    }

    function showFeedback(exercise, result) {
        let feedback = exercise.querySelector('.exercise-feedback');
        if (!feedback) {
            feedback = element('div', 'exercise-feedback');
            exercise.appendChild(feedback);
        }
        const passed = result.passed === true;
        feedback.hidden = false;
        feedback.className = 'exercise-feedback ' + (passed ? 'is-pass' : 'is-fail');
        const parts = [element('p', 'feedback-title', passed ? 'Correct' : 'Not yet')];
        if (result.message)
            parts.push(element('p', 'feedback-message', String(result.message)));
        if (Array.isArray(result.details) && result.details.length) {
            const list = element('ul', 'feedback-details');
            for (const d of result.details)
                list.appendChild(element('li', '', typeof d === 'string' ? d : JSON.stringify(d)));
            parts.push(list);
        }
        feedback.replaceChildren.apply(feedback, parts);
        if (passed)
            exercise.classList.add('is-solved');
    }

    function onExerciseResult(id, json) {
        const exercise = byData('.exercise', 'exercise', String(id));
        if (exercise)
            showFeedback(exercise, parse(json));
    }

    function onSolutionRevealed(id, sql) {
        const exercise = byData('.exercise', 'exercise', String(id));
        if (!exercise)
            return;
        let solution = exercise.querySelector('.exercise-solution');
        if (!solution) {
            solution = element('div', 'exercise-solution');
            exercise.appendChild(solution);
        }
        const header = element('div', 'exercise-solution-header');
        header.appendChild(element('span', '', 'Solution'));
        header.appendChild(smallButton('Copy into the editor', 'use-solution'));
        const pre = element('pre');
        pre.appendChild(element('code', 'language-sql', String(sql)));
        solution.replaceChildren(header, pre);
        solution.hidden = false;
        solution.dispatchEvent(new CustomEvent('dblearn:content-added', { bubbles: true }));
        const reveal = exercise.querySelector('button[data-action="reveal-solution"]');
        if (reveal)
            reveal.disabled = true;
    }

    /* ---------- Quizzes ---------- */

    function answerQuestion(question, options) {
        const quiz = question ? question.closest('.quiz') : null;
        if (!quiz || !quiz.dataset.quiz || question.classList.contains('is-answered'))
            return;
        const index = Number(question.dataset.question);
        if (!Number.isInteger(index) || options.some(function (o) { return !Number.isInteger(o); }))
            return;
        question.classList.add('is-pending');
        call('answerQuiz', quiz.dataset.quiz, index, options);
    }

    function setQuizFeedback(question, text, state) {
        const feedback = question.querySelector('.quiz-feedback');
        if (!feedback)
            return;
        feedback.className = 'quiz-feedback' + (state ? ' ' + state : '');
        feedback.textContent = text;
    }

    function onQuizResult(quizId, questionIndex, json) {
        const quiz = byData('.quiz', 'quiz', String(quizId));
        if (!quiz)
            return;
        const units = [quiz].concat(Array.from(quiz.querySelectorAll('[data-question]')));
        const target = units.find(function (q) { return q.dataset.question === String(questionIndex); });
        if (!target)
            return;
        const result = parse(json);
        const correct = new Set((Array.isArray(result.correctOptions) ? result.correctOptions : []).map(String));
        const explanations = result.explanations && typeof result.explanations === 'object' ? result.explanations : {};
        const keysOf = function (option) {
            return [option.dataset.optionIndex, option.dataset.option].filter(function (k) { return k !== undefined; });
        };

        target.classList.remove('is-pending');
        target.classList.add('is-answered', result.correct ? 'is-correct' : 'is-incorrect');
        for (const option of target.querySelectorAll('.quiz-option')) {
            const keys = keysOf(option);
            const isCorrect = keys.some(function (k) { return correct.has(k); });
            const chosen = option.getAttribute('aria-pressed') === 'true';
            option.disabled = true;
            if (isCorrect)
                option.classList.add('is-correct');
            else if (chosen)
                option.classList.add('is-incorrect');
            const key = keys.find(function (k) { return typeof explanations[k] === 'string'; });
            const text = key !== undefined ? explanations[key] : '';
            const li = option.parentElement;
            if (text && li && !li.querySelector('.quiz-explanation')) {
                const kind = isCorrect ? 'for-correct' : chosen ? 'for-incorrect' : '';
                li.appendChild(element('div', 'quiz-explanation' + (kind ? ' ' + kind : ''), String(text)));
            }
        }
        for (const b of target.querySelectorAll('.quiz-actions button'))
            b.disabled = true;
        setQuizFeedback(target, result.correct ? 'Correct' : 'Not quite: the right answer is marked',
            result.correct ? 'is-correct' : 'is-incorrect');
        updateScore(quiz);
    }

    function updateScore(quiz) {
        const questions = quiz.querySelectorAll('[data-question]');
        if (questions.length < 2)
            return; // the renderer's quiz blocks hold one question each
        const answered = quiz.querySelectorAll('[data-question].is-answered').length;
        const right = quiz.querySelectorAll('[data-question].is-answered.is-correct').length;
        let score = quiz.querySelector('.quiz-score');
        if (!score) {
            score = element('p', 'quiz-score');
            const first = quiz.querySelector('[data-question]');
            first.before(score);
        }
        score.textContent = right + ' of ' + answered + ' answered correctly'
            + (answered < questions.length ? ' (' + (questions.length - answered) + ' to go)' : '');
    }

    start();
})();
