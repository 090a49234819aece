Float.infinity
