// renderer placeholder: the UI arrives with the app-shell issue.
export {};
