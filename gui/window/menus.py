"""The main window's menus and actions, and the table of keyboard shortcuts the Help menu lists."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow

from gui.i18n import LANGUAGE_KEY, LANGUAGES, language_setting
from gui.text import QT_TRANSLATE_NOOP, translate

from .compare_dialog import show_compare

SHORTCUTS = [
    (QT_TRANSLATE_NOOP("Menus", "Drawing (canvas focused)"), ""),
    ("1 – 9", QT_TRANSLATE_NOOP("Menus", "Add the drawing to class 1 – 9 (saved at once)")),
    ("Esc", QT_TRANSLATE_NOOP("Menus", "Clear the canvas")),
    ("Ctrl+Z", QT_TRANSLATE_NOOP("Menus", "Undo the last stroke")),
    ("Ctrl+Shift+Z", QT_TRANSLATE_NOOP("Menus", "Redo")),
    ("S / T / C", QT_TRANSLATE_NOOP(
        "Menus",
        "Put a template square / triangle / circle on the canvas (drawing without a mouse)",
    )),
    (QT_TRANSLATE_NOOP("Menus", "Gallery (gallery focused)"), ""),
    ("Del", QT_TRANSLATE_NOOP("Menus", "Delete the selected drawings")),
    ("Ctrl+Z", QT_TRANSLATE_NOOP("Menus", "Undo the last delete or move")),
    ("Ctrl+A", QT_TRANSLATE_NOOP("Menus", "Select all shown drawings")),
    (
        QT_TRANSLATE_NOOP("Menus", "Double-click / Enter"),
        QT_TRANSLATE_NOOP("Menus", "Open a drawing in the canvas"),
    ),
    (QT_TRANSLATE_NOOP("Menus", "Training"), ""),
    ("Ctrl+T", QT_TRANSLATE_NOOP("Menus", "Train")),
    ("Ctrl+P", QT_TRANSLATE_NOOP("Menus", "Pause / Resume")),
    ("Ctrl+Shift+S", QT_TRANSLATE_NOOP("Menus", "Step: train exactly one mini-batch")),
    ("Ctrl+.", QT_TRANSLATE_NOOP("Menus", "Stop")),
    ("Ctrl+S", QT_TRANSLATE_NOOP("Menus", "Save the model (drawings are saved as you add them)")),
    (QT_TRANSLATE_NOOP("Menus", "Keyboard only"), ""),
    (
        "Tab / Shift+Tab",
        QT_TRANSLATE_NOOP("Menus", "Move between the controls, panel by panel as they sit on screen"),
    ),
    ("Ctrl+C", QT_TRANSLATE_NOOP(
        "Menus",
        "In a chart's panel (plots, prediction, filters, feature maps, Analysis): copy its numbers",
    )),
    (QT_TRANSLATE_NOOP("Menus", "Windows"), ""),
    (
        "Ctrl+L",
        QT_TRANSLATE_NOOP("Menus", "Lessons: the lecture step by step (Right / Left move through a lesson)"),
    ),
    ("Ctrl+Shift+Y", QT_TRANSLATE_NOOP("Menus", "Analysis: what the network learned")),
    ("F1", QT_TRANSLATE_NOOP("Menus", "This list")),
    (QT_TRANSLATE_NOOP("Menus", "Screen"), ""),
    ("F5", QT_TRANSLATE_NOOP(
        "Menus",
        "Presenter mode: full screen, canvas, prediction and plots only (Esc or F5 leaves)",
    )),
    ("F11", QT_TRANSLATE_NOOP("Menus", "Full screen on / off (every window)")),
    ("Ctrl+= / Ctrl+-", QT_TRANSLATE_NOOP("Menus", "Zoom every window in / out (kept for the next start)")),
    ("Ctrl+0", QT_TRANSLATE_NOOP("Menus", "Zoom back to actual size")),
    (QT_TRANSLATE_NOOP("Menus", "Files"), ""),
    ("Ctrl+N", QT_TRANSLATE_NOOP("Menus", "New dataset")),
    ("Ctrl+O", QT_TRANSLATE_NOOP("Menus", "Open a dataset")),
    ("Ctrl+Shift+A", QT_TRANSLATE_NOOP("Menus", "Save the dataset as…")),
    ("Ctrl+I", QT_TRANSLATE_NOOP("Menus", "Import drawings or image folders")),
    ("Ctrl+Q", QT_TRANSLATE_NOOP("Menus", "Quit")),
]


def _action(window: QMainWindow, menu, text: str, slot, shortcut=None, tip: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_menus(window: QMainWindow) -> None:
    """File, Model, View and Help menus of `window` (a `MainWindow` whose docks and collaborators exist).
    Sets `window.recent_menu` and the training actions `train_action`, `pause_action`, `step_action`,
    `stop_action`."""
    w, files, training, side, messages = (
        window,
        window.files,
        window.training,
        window.side_windows,
        window.messages,
    )
    bar = w.menuBar()
    f = bar.addMenu(translate("Menus", "&File"))
    _action(
        w,
        f,
        translate("Menus", "&New dataset…"),
        files.new_dataset,
        QKeySequence.StandardKey.New,
        translate("Menus", "Start an empty dataset file (the classes are kept)"),
    )
    _action(
        w,
        f,
        translate("Menus", "&Open…"),
        files.open_dataset_dialog,
        QKeySequence.StandardKey.Open,
        translate("Menus", "Open a dataset file (NDJSON, Quick, Draw! format)"),
    )
    w.recent_menu = f.addMenu(translate("Menus", "Open &Recent"))
    _action(
        w,
        f,
        translate("Menus", "Save &As…"),
        files.save_as_dialog,
        "Ctrl+Shift+A",
        translate("Menus", "Save the drawings to a new file and keep working there"),
    )
    _action(
        w,
        f,
        translate("Menus", "Open a &class folder…"),
        files.open_class_folder_dialog,
        None,
        translate(
            "Menus",
            "Show every drawing file of a folder (many students' files) as one read-only dataset, per "
            "drawer",
        ),
    )
    w.include_base_action = _action(
        w,
        f,
        translate("Menus", "Include the starter set (read-only)"),
        w.labelling.set_include_base,
        None,
        translate(
            "Menus",
            "Show and train on the read-only starter set (or class folder) together with your own drawings",
        ),
    )
    w.include_base_action.setCheckable(True)
    w.include_base_action.setChecked(w.state.include_base)
    _action(
        w,
        f,
        translate("Menus", "Your &drawer name…"),
        w.labelling.ask_drawer_name,
        None,
        translate("Menus", "The pseudonym stored with every drawing you add (to count and test per person)"),
    )
    f.addSeparator()
    _action(
        w,
        f,
        translate("Menus", "&Import drawings or image folders…"),
        files.import_dialog,
        "Ctrl+I",
        translate("Menus", "Add drawings from NDJSON files, or images from a folder of class folders"),
    )
    _action(
        w,
        f,
        translate("Menus", "&Export as image folders…"),
        files.export_dialog,
        None,
        translate("Menus", "Write every drawing as a 28×28 PNG into one folder per class"),
    )
    f.addSeparator()
    quit_action = _action(
        w,
        f,
        translate("Menus", "&Quit"),
        w.close,
        QKeySequence.StandardKey.Quit,
        translate("Menus", "Quit ShapeLab (your drawings are already saved)"),
    )

    m = bar.addMenu(translate("Menus", "&Model"))
    _action(
        w,
        m,
        translate("Menus", "&Open…"),
        files.open_model_dialog,
        None,
        translate("Menus", "Load a trained model (.npz)"),
    )
    _action(
        w,
        m,
        translate("Menus", "&Save…"),
        files.save_model_dialog,
        "Ctrl+S",
        translate("Menus", "Save the model with its steps and settings"),
    )
    _action(w, m, translate("Menus", "&Compare…"), lambda: show_compare(w), None,
            translate(
                "Menus",
                "Model files side by side on the open dataset: accuracy overall, per class and per drawer",
            ))
    m.addSeparator()
    w.train_action = _action(
        w, m, translate("Menus", "&Train"), training.train, "Ctrl+T", translate("Menus", "Train the network")
    )
    w.pause_action = _action(
        w, m, translate("Menus", "&Pause / Resume"), training.toggle_pause, "Ctrl+P", translate(
            "Menus", "Pause or resume training"
        )
    )
    w.step_action = _action(
        w, m, translate("Menus", "S&tep one mini-batch"), training.step, "Ctrl+Shift+S", translate(
            "Menus", "Train on exactly one mini-batch"
        )
    )
    w.stop_action = _action(
        w,
        m,
        translate("Menus", "St&op"),
        w.controller.stop,
        "Ctrl+.",
        translate("Menus", "Stop training"),
    )
    m.addSeparator()
    _action(
        w,
        m,
        translate("Menus", "&Reset weights"),
        training.reset_weights,
        None,
        translate("Menus", "Fresh random weights"),
    )
    w.val_by_drawer_action = _action(
        w,
        m,
        translate("Menus", "Validate on unseen &drawers"),
        lambda checked: w.messages.status(
            translate("Menus", "Validation now holds out whole drawers: people the model has not seen.")
            if checked else translate("Menus", "Validation is a random share of each class again."), 5000),
        None,
        translate(
            "Menus",
            "Hold out every drawing of some drawers for validation (the validation share of the training "
            "settings), so the accuracy says how the model does on people it has not seen",
        ),
    )
    w.val_by_drawer_action.setCheckable(True)
    # File › Export report…, File › Export (panels as PNG / CSV), Model › Export…
    w.exports.add_menu_entries(f, m, before=quit_action)

    v = bar.addMenu(translate("Menus", "&View"))
    for dock in w.docks:
        v.addAction(dock.toggleViewAction())
    v.addSeparator()
    _action(
        w,
        v,
        translate("Menus", "&Analysis…"),
        side.show_analysis,
        "Ctrl+Shift+Y",
        translate(
            "Menus",
            "What did the network learn: confusions, representations, saliency, dataset health (a separate "
            "window)",
        ),
    )
    _action(
        w,
        v,
        translate("Menus", "&Lessons…"),
        side.show_lessons,
        "Ctrl+L",
        translate(
            "Menus",
            "The lecture step by step, with its numbers and your drawings (a separate window)",
        ),
    )
    v.addSeparator()
    _action(
        w,
        v,
        translate("Menus", "Clear earlier &runs from the plots"),
        w.plots.clear_runs,
        None,
        translate("Menus", "Remove the faded curves of earlier runs"),
    )
    _action(
        w,
        v,
        translate("Menus", "Reset &layout"),
        w.dock_layout.reset_layout,
        None,
        translate("Menus", "Put every panel back where it started"),
    )
    v.addSeparator()
    add_screen_actions(w, v)

    h = bar.addMenu(translate("Menus", "&Help"))
    _action(
        w,
        h,
        translate("Menus", "&Keyboard shortcuts"),
        messages.show_shortcuts,
        QKeySequence.StandardKey.HelpContents,
        translate("Menus", "List the keyboard shortcuts"),
    )
    _action(
        w,
        h,
        translate("Menus", "&About ShapeLab"),
        messages.show_about,
        None,
        translate("Menus", "About ShapeLab"),
    )


def _keys(*keys) -> list[QKeySequence]:
    """Key sequences without duplicates (a standard key may repeat one given by hand: Qt would call the
    shortcut ambiguous)."""
    out: list[QKeySequence] = []
    for key in keys:
        sequences = QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [
            QKeySequence(key)]
        for seq in sequences:
            if not seq.isEmpty() and all(seq != known for known in out):
                out.append(seq)
    return out


def add_screen_actions(window: QMainWindow, menu) -> None:
    """Presenter mode (F5), Full screen (F11), the zoom actions and View › Language, in `menu`. Full screen
    and zoom work from every window (application-wide shortcuts); they are also the main window's own
    actions, so their keys keep working while presenter mode hides the menu bar. The texts are marked for
    translation (resources/i18n/shapelab_ko.ts)."""
    w, modes, zoom = window, window.screen_modes, window.zoom
    translate = QCoreApplication.translate
    w.presenter_action = _action(
        w, menu, translate("ScreenActions", "&Presenter mode"), modes.toggle_presenter, "F5",
        translate(
            "ScreenActions",
            "Full screen with the canvas, the prediction and the live plots only, in large type "
            "(Esc or F5 leaves)",
        ),
    )
    w.full_screen_action = _action(
        w, menu, translate("ScreenActions", "&Full screen"), lambda: modes.toggle_full_screen(), "F11",
        translate("ScreenActions", "Full screen on or off for the window in front (F11 again leaves)"),
    )
    w.zoom_in_action = _action(
        w, menu, translate("ScreenActions", "Zoom &in"), zoom.zoom_in, None,
        translate("ScreenActions", "Larger text and lines in every window"),
    )
    w.zoom_in_action.setShortcuts(_keys("Ctrl+=", "Ctrl++", QKeySequence.StandardKey.ZoomIn))
    w.zoom_out_action = _action(
        w, menu, translate("ScreenActions", "Zoom &out"), zoom.zoom_out, None,
        translate("ScreenActions", "Smaller text and lines in every window"),
    )
    w.zoom_out_action.setShortcuts(_keys("Ctrl+-", QKeySequence.StandardKey.ZoomOut))
    w.zoom_reset_action = _action(
        w, menu, translate("ScreenActions", "&Actual size"), zoom.reset, "Ctrl+0",
        translate("ScreenActions", "Zoom back to 100 %"),
    )
    for action in (w.full_screen_action, w.zoom_in_action, w.zoom_out_action, w.zoom_reset_action):
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    w.addActions([w.presenter_action, w.full_screen_action, w.zoom_in_action, w.zoom_out_action,
                  w.zoom_reset_action])
    add_language_menu(w, menu)


def add_language_menu(window: QMainWindow, menu) -> None:
    """View › Language: the system's language, English or Korean; kept in the settings, used from the next
    start (the status bar says so)."""
    languages = menu.addMenu(QCoreApplication.translate("ScreenActions", "&Language"))
    window.language_actions = {}
    group = QActionGroup(window)
    current = language_setting(window.settings)
    when = QCoreApplication.translate("ScreenActions", "Takes effect when ShapeLab starts again")
    note = languages.addAction(when)  # said where the choice is made, not only after it
    note.setEnabled(False)
    languages.addSeparator()
    system = QCoreApplication.translate("ScreenActions", "System language")
    for code, text in (("system", system), *LANGUAGES):
        action = QAction(text, window)
        action.setStatusTip(when)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        group.addAction(action)
        languages.addAction(action)
        window.language_actions[code] = action
        action.triggered.connect(lambda _checked=False, c=code: choose_language(window, c))


def choose_language(window: QMainWindow, code: str) -> None:
    window.settings.setValue(LANGUAGE_KEY, code)
    window.settings.sync()
    window.statusBar().showMessage(
        QCoreApplication.translate("ScreenActions", "The language changes when ShapeLab starts again."), 10000
    )
