"""Runnable examples shown on the pages; those that call plt.show() also draw the page's figure."""
